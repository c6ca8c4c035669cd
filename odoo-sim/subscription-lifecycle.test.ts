import { describe, expect, it } from "vitest";
import { post, useFreshSimulator } from "./test-helpers";

/*
 * sale_subscription's lifecycle as Enterprise 19.0 runs it (../shared/reference/odoo19.md):
 * next_invoice_date set by posting, the payment gate, Odoo's own closes and reopening on
 * payment, draft invoices blocking the cron, all driven day by day through /__sim/run_crons.
 */
const ctx = useFreshSimulator("2025-01-01");

const read = async (model: string, id: number, fields: string[]) => (await ctx.call(model, "read", { ids: [id], fields })).json[0];
const orderOf = (id: number) => read("sale.order", id, ["subscription_state", "next_invoice_date", "end_date", "close_reason_id", "invoice_ids", "require_payment", "prepayment_percent"]);
const days = async (today: string, until?: string, crons?: string[]) => (await post(`${ctx.sim.url}/__sim/run_crons`, { today, until, crons })).json.days;
const moveLines = async (moveId: number) => {
  const [move] = (await ctx.call("account.move", "read", { ids: [moveId], fields: ["invoice_line_ids"] })).json;
  return (await ctx.call("account.move.line", "read", { ids: move.invoice_line_ids, fields: ["name", "quantity", "price_unit", "deferred_start_date", "deferred_end_date"] })).json;
};

/** A monthly subscription from Jan 1 2025 with one recurring line per product given. */
async function subscription(lines: Array<{ policy: "order" | "delivery"; price: number }>, orderVals: Record<string, unknown> = {}, planVals: Record<string, unknown> = {}) {
  const [partner] = (await ctx.call("res.partner", "create", { vals_list: [{ name: "Acme" }] })).json;
  const [plan] = (await ctx.call("sale.subscription.plan", "create", { vals_list: [{ name: "Monthly", ...planVals }] })).json;
  const products = (await ctx.call("product.product", "create", {
    vals_list: lines.map((l, i) => ({ name: `P${i}`, type: "service", invoice_policy: l.policy, recurring_invoice: true, list_price: l.price })),
  })).json;
  const [order] = (await ctx.call("sale.order", "create", {
    vals_list: [{ partner_id: partner, plan_id: plan, start_date: "2025-01-01", order_line: products.map((p: number) => [0, 0, { product_id: p }]), ...orderVals }],
  })).json;
  const [confirmed] = [(await ctx.call("sale.order", "action_confirm", { ids: [order] })).json];
  expect(confirmed).toBe(true);
  const lineIds = (await read("sale.order", order, ["order_line"])).order_line as number[];
  return { order: order as number, lineIds };
}

describe("next_invoice_date is set by posting", () => {
  it("stays put after a usage-only invoice for a period whose prepaid fee was already invoiced: the next day bills it again", async () => {
    const { order, lineIds: [fee, usage] } = await subscription([{ policy: "order", price: 29 }, { policy: "delivery", price: 1 }], { require_payment: false });
    expect((await orderOf(order)).next_invoice_date).toBe("2025-01-01");
    const invoicing = (day: string) => days(day, day, ["recurring_invoice"]); // unpaid invoices would close it otherwise
    await invoicing("2025-01-01");
    expect((await orderOf(order)).next_invoice_date).toBe("2025-02-01");
    await ctx.call("sale.order.line", "write", { ids: [usage], vals: { qty_delivered: 5 } });
    await ctx.call("sale.order.line", "write", { ids: [fee], vals: { product_uom_qty: 0 } });
    const [feb1] = await invoicing("2025-02-01");
    expect((await moveLines(feb1.invoiced[0].move_id)).map((l: any) => [l.quantity, l.deferred_start_date, l.deferred_end_date]))
      .toEqual([[5, "2025-01-01", "2025-01-31"]]);
    expect((await orderOf(order)).next_invoice_date).toBe("2025-02-01");
    const [feb2] = await invoicing("2025-02-02");
    expect((await moveLines(feb2.invoiced[0].move_id)).map((l: any) => [l.quantity, l.deferred_start_date])).toEqual([[5, "2025-02-01"]]);
  });

  it("is one period after the start when every recurring line is postpaid, and moves a period past each invoiced one", async () => {
    const { order, lineIds: [usage] } = await subscription([{ policy: "delivery", price: 2 }], { require_payment: false });
    expect((await orderOf(order)).next_invoice_date).toBe("2025-02-01");
    await ctx.call("sale.order.line", "write", { ids: [usage], vals: { qty_delivered: 3 } });
    expect((await days("2025-01-01", "2025-01-31")).flatMap((d: any) => d.invoiced)).toEqual([]);
    const [feb1] = await days("2025-02-01");
    expect((await moveLines(feb1.invoiced[0].move_id)).map((l: any) => [l.name, l.quantity, l.deferred_end_date]))
      .toEqual([["P0\n1 Month 01/01/2025 to 01/31/2025", 3, "2025-01-31"]]); // the line's text is the product's name
    expect((await orderOf(order)).next_invoice_date).toBe("2025-03-01");
  });

  it("aligns a billing_first_day plan on the 1st, prorating the prepaid first period", async () => {
    const { order } = await subscription([{ policy: "order", price: 31 }], { require_payment: false, start_date: "2025-01-15" }, { billing_first_day: true });
    const [day] = await days("2025-01-15");
    expect((await moveLines(day.invoiced[0].move_id)).map((l: any) => [l.name, l.price_unit, l.deferred_end_date]))
      .toEqual([["P0\n17 days 01/15/2025 to 01/31/2025", 17, "2025-01-31"]]);
    expect((await orderOf(order)).next_invoice_date).toBe("2025-02-01");
  });
});

describe("the payment gate", () => {
  it("asks online payment by default (company prepayment 100 %): the cron skips the order and the reminder cron closes it after 15 days", async () => {
    const { order } = await subscription([{ policy: "order", price: 29 }]);
    expect(await orderOf(order)).toMatchObject({ require_payment: true, prepayment_percent: 1 });
    const run = await days("2025-01-01", "2025-01-15");
    expect(run.flatMap((d: any) => [...d.invoiced, ...d.closed])).toEqual([]);
    expect((await days("2025-01-16"))[0].closed).toEqual([{ order_id: order, reason: "Automatic renewal failed" }]);
    expect(await orderOf(order)).toMatchObject({ subscription_state: "6_churn", end_date: "2025-01-16", invoice_ids: [] });
  });

  it("keeps require_payment and prepayment_percent together, and refuses an impossible percentage", async () => {
    const { order } = await subscription([{ policy: "order", price: 29 }], { require_payment: false });
    expect(await orderOf(order)).toMatchObject({ require_payment: false, prepayment_percent: 0 });
    await ctx.call("sale.order", "write", { ids: [order], vals: { prepayment_percent: 0.5 } });
    expect(await orderOf(order)).toMatchObject({ require_payment: true, prepayment_percent: 0.5 });
    const refused = await ctx.call("sale.order", "write", { ids: [order], vals: { prepayment_percent: 1.5 } });
    expect([refused.status, refused.json.name, refused.json.message]).toEqual([422, "odoo.exceptions.ValidationError", "Prepayment percentage must be a valid percentage."]);
    expect((await orderOf(order)).prepayment_percent).toBe(0.5);
  });
});

describe("Odoo closes and reopens subscriptions", () => {
  it("closes an order whose invoice is unpaid 15 days past due, and reopens it when the payment is registered", async () => {
    const { order } = await subscription([{ policy: "order", price: 29 }], { require_payment: false });
    const [{ invoiced: [first] }] = await days("2025-01-01");
    expect((await days("2025-01-02", "2025-01-16")).flatMap((d: any) => d.closed)).toEqual([]);
    expect((await days("2025-01-17"))[0].closed).toEqual([{ order_id: order, reason: "Unpaid subscription" }]);
    expect(await orderOf(order)).toMatchObject({ subscription_state: "6_churn", end_date: "2025-01-17" });
    const context = { active_model: "account.move", active_ids: [first.move_id] };
    const [wizard] = (await ctx.call("account.payment.register", "create", { vals_list: [{}], context })).json;
    await ctx.call("account.payment.register", "action_create_payments", { ids: [wizard], context });
    expect(await orderOf(order)).toMatchObject({ subscription_state: "3_progress", end_date: false, close_reason_id: false, next_invoice_date: "2025-02-01" });
  });

  it("does not reopen an order closed at its end date when its last invoice is paid", async () => {
    const { order } = await subscription([{ policy: "order", price: 29 }], { require_payment: false });
    const [{ invoiced: [first] }] = await days("2025-01-01");
    await ctx.call("sale.order", "write", { ids: [order], vals: { end_date: "2025-01-10" } });
    expect((await days("2025-01-10"))[0].invoiced).toEqual([]);
    expect((await orderOf(order)).close_reason_id).toEqual([expect.any(Number), "End of contract"]);
    await post(`${ctx.sim.url}/__sim/payment`, { move_id: first.move_id, payment_state: "paid" });
    expect((await orderOf(order)).subscription_state).toBe("6_churn");
  });

  it("skips an order with a draft invoice, refuses another invoice for it, and closes it once its invoicing is 15 days late", async () => {
    const { order } = await subscription([{ policy: "order", price: 29 }], { require_payment: false });
    const context = { active_model: "sale.order", active_ids: [order] };
    const invoiceByHand = async () => {
      const [wizard] = (await ctx.call("sale.advance.payment.inv", "create", { vals_list: [{ advance_payment_method: "delivered" }], context })).json;
      return ctx.call("sale.advance.payment.inv", "create_invoices", { ids: [wizard], context });
    };
    expect((await invoiceByHand()).status).toBe(200);
    const again = await invoiceByHand();
    expect([again.status, again.json.message]).toEqual([422, expect.stringContaining("The following recurring orders have draft invoices.")]);
    expect((await days("2025-01-01", "2025-01-16")).flatMap((d: any) => [...d.invoiced, ...d.closed])).toEqual([]);
    expect((await days("2025-01-17"))[0].closed).toEqual([{ order_id: order, reason: "Automatic renewal failed" }]);
  });
});

describe("what Odoo refuses", () => {
  it("refuses a plan without a recurring product, and a next invoice date before the start", async () => {
    const [partner] = (await ctx.call("res.partner", "create", { vals_list: [{ name: "Acme" }] })).json;
    const [plan] = (await ctx.call("sale.subscription.plan", "create", { vals_list: [{ name: "Monthly" }] })).json;
    const [order] = (await ctx.call("sale.order", "create", { vals_list: [{ partner_id: partner, plan_id: plan }] })).json;
    const confirm = await ctx.call("sale.order", "action_confirm", { ids: [order] });
    expect([confirm.status, confirm.json.message]).toEqual([422, "Please add a recurring product in the subscription or remove the recurring plan."]);
    expect((await read("sale.order", order, ["state"])).state).toBe("draft");
    const dated = await ctx.call("sale.order", "create", { vals_list: [{ partner_id: partner, plan_id: plan, start_date: "2025-02-01", next_invoice_date: "2025-01-01" }] });
    expect([dated.status, dated.json.message]).toEqual([422, "The operation cannot be completed: The next invoice date of a sale order should be after its start date."]);
  });

  it("answers /__sim/run_crons with one entry per day and refuses a range that runs backwards", async () => {
    expect((await days("2025-01-01", "2025-01-03")).map((d: any) => d.today)).toEqual(["2025-01-01", "2025-01-02", "2025-01-03"]);
    expect((await post(`${ctx.sim.url}/__sim/run_crons`, { today: "2025-01-03", until: "2025-01-01" })).status).toBe(400);
    expect((await post(`${ctx.sim.url}/__sim/run_crons`, { today: "2025-01-03", crons: ["bogus"] })).status).toBe(400);
  });
});
