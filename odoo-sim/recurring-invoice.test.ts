import { describe, expect, it } from "vitest";
import { addPeriod } from "./dates";
import { post, useFreshSimulator } from "./test-helpers";

const ctx = useFreshSimulator("2025-01-01");

const runInvoicing = async (today: string) => (await post(`${ctx.sim.url}/__sim/run_invoicing`, { today })).json;

describe("recurring invoicing simulation", () => {
  it("bills the whole qty_delivered, keeps it, and advances next_invoice_date one period", async () => {
    const seed = (await post(`${ctx.sim.url}/__sim/seed`, { startDate: "2025-01-31" })).json;
    await ctx.call("sale.order.line", "write", { ids: [seed.line_ids.usage], vals: { qty_delivered: 1200 } });

    expect((await runInvoicing("2025-01-30")).invoiced).toEqual([]); // not due yet
    const run = await runInvoicing("2025-01-31");
    expect(run.invoiced).toHaveLength(1);
    const { move_id: moveId, next_invoice_date: next } = run.invoiced[0];
    expect(next).toBe("2025-02-28"); // relativedelta clamps Jan 31 + 1 month

    const [move] = (await ctx.call("account.move", "read", {
      ids: [moveId],
      fields: ["move_type", "state", "payment_state", "partner_id", "invoice_origin", "amount_total", "invoice_line_ids", "name"],
    })).json;
    expect(move).toMatchObject({
      move_type: "out_invoice", state: "posted", payment_state: "not_paid", partner_id: [seed.partner_id, "Acme Corp"],
      // 100 + 1200 × 0.01, plus the 15 % sale tax a fresh Odoo database puts on new products.
      invoice_origin: "S00001", amount_total: 128.8, name: "INV/2025/00001",
    });
    const lines = (await ctx.call("account.move.line", "read", { ids: move.invoice_line_ids, fields: ["product_id", "quantity", "price_unit", "sale_line_ids"] })).json;
    expect(lines.map((l: any) => [l.product_id[0], l.quantity, l.sale_line_ids])).toEqual([
      [seed.product_ids.fixed, 1, [seed.line_ids.fixed]],
      [seed.product_ids.usage, 1200, [seed.line_ids.usage]],
    ]);

    const [line] = (await ctx.call("sale.order.line", "read", { ids: [seed.line_ids.usage], fields: ["qty_delivered", "qty_invoiced"] })).json;
    expect(line).toMatchObject({ qty_delivered: 1200, qty_invoiced: 1200 }); // not reset by Odoo 19
    const [order] = (await ctx.call("sale.order", "read", { ids: [seed.order_id], fields: ["next_invoice_date", "invoice_ids"] })).json;
    expect(order).toEqual({ id: seed.order_id, next_invoice_date: "2025-02-28", invoice_ids: [moveId] });

    // Without a new write the next period bills the same 1200 again — the reason the hub
    // must write each closing period's quantity.
    const again = await runInvoicing("2025-02-28");
    const [second] = (await ctx.call("account.move", "read", { ids: [again.invoiced[0].move_id], fields: ["amount_total"] })).json;
    expect(second.amount_total).toBe(128.8); // the same 1200 again, taxed
  });

  it("labels each invoice line with its service period: prepaid the coming one, postpaid the one after its last invoice", async () => {
    const seed = (await post(`${ctx.sim.url}/__sim/seed`, { startDate: "2025-01-01" })).json;
    await ctx.call("sale.order.line", "write", { ids: [seed.line_ids.usage], vals: { qty_delivered: 10 } });
    const linesOf = async (moveId: number) => {
      const [move] = (await ctx.call("account.move", "read", { ids: [moveId], fields: ["invoice_line_ids"] })).json;
      return (await ctx.call("account.move.line", "read", { ids: move.invoice_line_ids, fields: ["name", "deferred_start_date", "deferred_end_date"] })).json
        .map((l: any) => [l.name, l.deferred_start_date, l.deferred_end_date]);
    };

    const first = await runInvoicing("2025-01-01");
    expect(await linesOf(first.invoiced[0].move_id)).toEqual([
      ["[PLAT] Platform fee\n1 Month 01/01/2025 to 01/31/2025", "2025-01-01", "2025-01-31"],
      ["[API-CALLS] API calls\n1 Month 01/01/2025 to 01/31/2025", "2025-01-01", "2025-01-31"],
    ]);
    const second = await runInvoicing("2025-02-01");
    expect(await linesOf(second.invoiced[0].move_id)).toEqual([
      ["[PLAT] Platform fee\n1 Month 02/01/2025 to 02/28/2025", "2025-02-01", "2025-02-28"],
      ["[API-CALLS] API calls\n1 Month 02/01/2025 to 02/28/2025", "2025-02-01", "2025-02-28"],
    ]);

    // A postpaid line left out of one invoice (nothing delivered) resumes after its last billed period.
    await ctx.call("sale.order.line", "write", { ids: [seed.line_ids.usage], vals: { qty_delivered: 0 } });
    await runInvoicing("2025-03-01");
    await ctx.call("sale.order.line", "write", { ids: [seed.line_ids.usage], vals: { qty_delivered: 5 } });
    const fourth = await runInvoicing("2025-04-01");
    expect((await linesOf(fourth.invoiced[0].move_id))[1]).toEqual(["[API-CALLS] API calls\n1 Month 03/01/2025 to 03/31/2025", "2025-03-01", "2025-03-31"]);
  });

  it("dates a postpaid line never invoiced before from the order's last invoice date, not its start", async () => {
    const seed = ctx.sim.seed({ startDate: "2025-01-01" });
    await runInvoicing("2025-01-01");
    await runInvoicing("2025-02-01"); // nothing delivered on the usage line yet
    await ctx.call("sale.order.line", "write", { ids: [seed.line_ids.usage], vals: { qty_delivered: 7 } });
    const run = await runInvoicing("2025-03-01");
    const [move] = (await ctx.call("account.move", "read", { ids: [run.invoiced[0].move_id], fields: ["invoice_line_ids"] })).json;
    const lines = (await ctx.call("account.move.line", "read", { ids: move.invoice_line_ids, fields: ["deferred_start_date", "deferred_end_date"] })).json;
    expect(lines.map((l: any) => [l.deferred_start_date, l.deferred_end_date])).toEqual([["2025-03-01", "2025-03-31"], ["2025-02-01", "2025-02-28"]]);
  });

  it("bills lines of non-recurring products once, with the next recurring invoice", async () => {
    const seed = ctx.sim.seed({ startDate: "2025-01-01" });
    const [oneOff] = (await ctx.call("product.product", "create", { vals_list: [{ name: "Setup", list_price: 50, invoice_policy: "order" }] })).json;
    await ctx.call("sale.order", "write", { ids: [seed.order_id], vals: { order_line: [[0, 0, { product_id: oneOff, product_uom_qty: 1 }]] } });
    const run = await runInvoicing("2025-01-01");
    const [move] = (await ctx.call("account.move", "read", { ids: [run.invoiced[0].move_id], fields: ["amount_total"] })).json;
    expect(move.amount_total).toBe(172.5); // the platform fee and the one-off setup, 15 % tax on both
    const next = await runInvoicing("2025-02-01");
    const [second] = (await ctx.call("account.move", "read", { ids: [next.invoiced[0].move_id], fields: ["amount_total"] })).json;
    expect(second.amount_total).toBe(115); // the fee alone: the setup was invoiced
  });

  it("closes an order on its end_date before invoicing it that day, and skips orders not in progress", async () => {
    const seed = ctx.sim.seed({ startDate: "2025-01-01" });
    const stateOf = async () => (await ctx.call("sale.order", "read", { ids: [seed.order_id], fields: ["subscription_state"] })).json[0].subscription_state;
    await ctx.call("sale.order", "write", { ids: [seed.order_id], vals: { end_date: "2025-02-01" } });
    const run = await runInvoicing("2025-01-01");
    expect(run.invoiced[0].next_invoice_date).toBe("2025-02-01");
    expect(await stateOf()).toBe("3_progress");
    // Due again on Feb 1, but the contract ends that day: closed, not invoiced.
    expect((await runInvoicing("2025-02-01")).invoiced).toEqual([]);
    expect(await stateOf()).toBe("6_churn");
    expect((await runInvoicing("2025-03-01")).invoiced).toEqual([]);
  });

  it("stops a postpaid line's period at the order's end_date", async () => {
    const seed = ctx.sim.seed({ startDate: "2025-01-01" });
    await ctx.call("sale.order.line", "write", { ids: [seed.line_ids.usage], vals: { qty_delivered: 3 } });
    await ctx.call("sale.order", "write", { ids: [seed.order_id], vals: { end_date: "2025-01-20" } });
    const run = await runInvoicing("2025-01-01");
    const [move] = (await ctx.call("account.move", "read", { ids: [run.invoiced[0].move_id], fields: ["invoice_line_ids"] })).json;
    const lines = (await ctx.call("account.move.line", "read", { ids: move.invoice_line_ids, fields: ["deferred_end_date"] })).json;
    expect(lines.map((l: any) => l.deferred_end_date)).toEqual(["2025-01-31", "2025-01-19"]);
  });

  it("changes payment_state through /__sim/payment", async () => {
    ctx.sim.seed({ startDate: "2025-01-01" });
    const [inv] = ctx.sim.runInvoicing("2025-01-01");
    const paid = await post(`${ctx.sim.url}/__sim/payment`, { move_id: inv!.move_id, payment_state: "paid" });
    expect(paid.json).toMatchObject({ payment_state: "paid", amount_residual: 0 });
    expect((await post(`${ctx.sim.url}/__sim/payment`, { move_id: inv!.move_id, payment_state: "bogus" })).status).toBe(400);
  });

  it.each([
    ["2025-01-31", 1, "month", "2025-02-28"],
    ["2024-01-31", 1, "month", "2024-02-29"],
    ["2025-01-15", 3, "month", "2025-04-15"],
    ["2025-12-31", 1, "week", "2026-01-07"],
    ["2024-02-29", 1, "year", "2025-02-28"],
  ] as const)("addPeriod(%s, %i %s) = %s", (date, value, unit, expected) => {
    expect(addPeriod(date, value, unit)).toBe(expected);
  });
});
