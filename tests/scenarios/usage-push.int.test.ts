import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createOdooClient, type OdooClient } from "~/server/odoo";
import { proratedFeeCents } from "~/server/billing/prorate-fee";
import { terminationCredit } from "~/server/billing/termination-credit";
import { uniqueCode } from "../support/fixtures";
import { type IsolatedStack, STACK_ODOO_API_KEY, startIsolatedStack } from "../support/isolated-stack";

/*
 * Events in → cron route → quantities on the Odoo simulator's subscription order lines,
 * with the real clock: the previous calendar month is a closed period whose Odoo invoice
 * date (the 1st of this month) has passed but which Odoo has not invoiced yet.
 */
const now = new Date();
const monthStart = (offset: number) => new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + offset, 1));
const previousMonth = monthStart(-1);
const thisMonth = monthStart(0);
const day = (date: Date) => date.toISOString().slice(0, 10);
const secondsAt = (date: Date, plusHours: number) => Math.floor(date.getTime() / 1000) + plusHours * 3600;
const lastDayOf = (monthStartDate: Date) => day(new Date(Date.UTC(monthStartDate.getUTCFullYear(), monthStartDate.getUTCMonth() + 1, 0)));

let stack: IsolatedStack;
let odoo: OdooClient;

beforeAll(async () => {
  // A 40-day lead window makes the current month's invoice due too, so a run after Odoo
  // invoices the closed month also pushes the open one.
  stack = await startIsolatedStack({ env: { USAGE_PUSH_LEAD_HOURS: String(40 * 24) } });
  odoo = createOdooClient({ baseUrl: stack.odoo.url, apiKey: STACK_ODOO_API_KEY, protocol: "json2", retry: { baseDelayMs: 1 } });
});
afterAll(() => stack?.stop());

async function subscribe(options: { subscriptionAt: Date; amount?: string; freeUnits?: string; payInAdvance?: boolean }) {
  const code = uniqueCode("svc");
  const { api, serviceId } = await stack.service(code);
  const metricCode = uniqueCode("gb_hours");
  const planCode = uniqueCode("plan");
  const metric = await api.post("/billable_metrics", { billable_metric: { name: "GB hours", code: metricCode, aggregation_type: "sum_agg", field_name: "units" } });
  await api.post("/plans", {
    plan: {
      name: "Cloud", code: planCode, interval: "monthly", amount_cents: 2900, amount_currency: "CAD", pay_in_advance: options.payInAdvance ?? false,
      charges: [{ billable_metric_id: metric.body.billable_metric.lago_id, charge_model: "standard", properties: { amount: options.amount ?? "0.50", free_units: options.freeUnits ?? "10" } }],
    },
  });
  const subscriptionId = uniqueCode("sub");
  const created = await api.post("/subscriptions", { subscription: { external_customer_id: uniqueCode("cust"), plan_code: planCode, external_id: subscriptionId, subscription_at: options.subscriptionAt.toISOString() } });
  expect(created.status).toBe(200);
  let sequence = 0;
  const send = async (units: number, timestamp: number) => {
    const response = await api.post("/events", { event: { transaction_id: `${subscriptionId}-${sequence++}`, external_subscription_id: subscriptionId, code: metricCode, timestamp, properties: { units } } });
    expect(response.status).toBe(200);
  };
  const orderRef = `nexa:${code}:${subscriptionId}`;
  return { api, serviceId, subscriptionId, metricCode, planCode, orderRef, send };
}

async function orderLines(orderRef: string) {
  const orders = await odoo.call<Array<{ id: number; next_invoice_date: string; order_line: number[] }>>("sale.order", "search_read", {
    domain: [["client_order_ref", "=", orderRef]], fields: ["next_invoice_date", "order_line"],
  });
  const lines = await odoo.call<Array<{ name: string; qty_delivered: number; price_unit: number; product_uom_qty: number }>>("sale.order.line", "search_read", {
    domain: [["order_id", "in", orders.map((o) => o.id)]], fields: ["name", "qty_delivered", "price_unit", "product_uom_qty"],
  });
  return { orders, lines, usage: lines.filter((line) => line.name.includes("usage [")) };
}

const pushResultsOf = (body: any) => body.jobs as Array<{ outcome: string; units?: string; amountCents?: string; changed?: boolean }>;

describe("usage push to Odoo", () => {
  it("writes the closed period's usage, idempotently, and hands over to the next period after Odoo invoices", async () => {
    const sub = await subscribe({ subscriptionAt: previousMonth });
    await sub.send(20, secondsAt(previousMonth, 24));
    await sub.send(5, secondsAt(previousMonth, 48));
    await sub.send(100, secondsAt(thisMonth, 2));

    const first = await stack.cron("/api/cron/usage-push");
    expect(first.status).toBe(200);
    // 25 units, 10 free, 15 × $0.50 = $7.50 for the closed month; this month's 100 units wait.
    expect(first.body.jobs).toEqual([expect.objectContaining({ outcome: "written", units: "25", amountCents: "750", changed: true })]);
    let odooSide = await orderLines(sub.orderRef);
    expect(odooSide.orders).toHaveLength(1);
    expect(odooSide.orders[0]!.next_invoice_date).toBe(day(thisMonth));
    // The customer's invoice line reads 1 × 7.50 CAD, so the units behind it travel in its text.
    const closedMonthText = `GB hours usage [${sub.metricCode}]\n25 units, 10 included, 15 billed (${day(previousMonth)} to ${lastDayOf(previousMonth)})`;
    expect(odooSide.usage).toEqual([expect.objectContaining({ qty_delivered: 1, price_unit: 7.5, name: closedMonthText })]);

    const second = await stack.cron("/api/cron/usage-push");
    expect(second.body.jobs).toEqual([expect.objectContaining({ outcome: "written", amountCents: "750", changed: false })]);
    odooSide = await orderLines(sub.orderRef);
    expect(odooSide.orders).toHaveLength(1);
    expect(odooSide.usage).toHaveLength(1);
    expect(await stack.db.job.count({ where: { subscription: { externalId: sub.subscriptionId } } })).toBe(1);

    // Odoo's recurring invoice run bills the order and moves next_invoice_date on a month.
    const invoicing = await fetch(`${stack.odoo.url}/__sim/run_invoicing`, { method: "POST", body: JSON.stringify({ today: day(thisMonth) }) });
    expect(invoicing.status).toBe(200);
    const [order] = odooSide.orders;
    const invoices = await odoo.call<Array<{ id: number }>>("account.move", "search_read", { domain: [["move_type", "=", "out_invoice"]], fields: ["id"] });
    const invoiceLines = await odoo.call<Array<{ name: string; quantity: number; price_unit: number }>>("account.move.line", "search_read", {
      domain: [["move_id", "in", invoices.map((i) => i.id)], ["sale_line_ids", "in", order!.order_line]], fields: ["name", "quantity", "price_unit"],
    });
    // Odoo appends the plan period it bills a postpaid line for: the same closed month.
    const enUs = (date: string) => `${date.slice(5, 7)}/${date.slice(8, 10)}/${date.slice(0, 4)}`;
    const odooPeriodText = `1 Month ${enUs(day(previousMonth))} to ${enUs(lastDayOf(previousMonth))}`;
    // Odoo puts the product's name before a line text that lacks it.
    const usageProduct = `[nexa-charge-${sub.planCode}-${sub.metricCode}] Cloud: GB hours`;
    expect(invoiceLines).toContainEqual(expect.objectContaining({ quantity: 1, price_unit: 7.5, name: `${usageProduct} ${closedMonthText}\n${odooPeriodText}` }));
    // The plan fee is billed in arrears too, for the same month (not labelled as the coming one).
    expect(invoiceLines).toContainEqual(expect.objectContaining({ quantity: 1, price_unit: 29, name: `[nexa-plan-${sub.planCode}] Cloud Cloud\n${odooPeriodText}` }));

    const third = await stack.cron("/api/cron/usage-push");
    const outcomes = third.body.jobs.map((job: { outcome: string }) => job.outcome).sort();
    expect(outcomes).toEqual(["finalized", "written"]);
    // 100 units this month, 90 over quota: $45.00 now rides on the line for the next invoice.
    expect(third.body.jobs.find((job: { outcome: string }) => job.outcome === "written")).toMatchObject({ units: "100", amountCents: "4500" });
    odooSide = await orderLines(sub.orderRef);
    expect(odooSide.usage).toEqual([expect.objectContaining({
      qty_delivered: 1, price_unit: 45, name: `GB hours usage [${sub.metricCode}]\n100 units, 10 included, 90 billed (${day(thisMonth)} to ${lastDayOf(thisMonth)})`,
    })]);
    const jobs = await stack.db.job.findMany({ where: { subscription: { externalId: sub.subscriptionId } }, orderBy: { periodStart: "asc" } });
    expect(jobs.map((job) => job.state)).toEqual(["succeeded", "awaiting_invoice"]);
  });

  it("starts a mid-month calendar subscription's order on the 1st, so Odoo dates its lines by calendar month", async () => {
    const sub = await subscribe({ subscriptionAt: new Date(previousMonth.getTime() + 10 * 86_400_000 + 3_600_000), freeUnits: "0", amount: "1" });
    await sub.send(3, secondsAt(previousMonth, 11 * 24));
    await stack.cron("/api/cron/usage-push");
    const [order] = await odoo.call<Array<{ id: number; start_date: string; next_invoice_date: string; order_line: number[] }>>("sale.order", "search_read", {
      domain: [["client_order_ref", "=", sub.orderRef]], fields: ["start_date", "next_invoice_date", "order_line"],
    });
    expect(order).toMatchObject({ start_date: day(previousMonth), next_invoice_date: day(thisMonth) });
    await fetch(`${stack.odoo.url}/__sim/run_invoicing`, { method: "POST", body: JSON.stringify({ today: day(thisMonth) }) });
    const lines = await odoo.call<Array<{ name: string; deferred_start_date: string; deferred_end_date: string }>>("account.move.line", "search_read", {
      domain: [["sale_line_ids", "in", order!.order_line]], fields: ["name", "deferred_start_date", "deferred_end_date"],
    });
    expect(lines).toHaveLength(2);
    for (const line of lines) expect(line).toMatchObject({ deferred_start_date: day(previousMonth), deferred_end_date: lastDayOf(previousMonth) });
  });

  it("bills a pay-in-advance fee when its period opens, and no fee after the final period", async () => {
    const sub = await subscribe({ subscriptionAt: previousMonth, freeUnits: "0", amount: "1", payInAdvance: true });
    await sub.send(5, secondsAt(previousMonth, 5));
    const runOdooInvoicing = (today: string) => fetch(`${stack.odoo.url}/__sim/run_invoicing`, { method: "POST", body: JSON.stringify({ today }) });
    const invoicesOf = async () => {
      const [order] = await odoo.call<Array<{ invoice_ids: number[]; subscription_state: string; end_date: string | false }>>("sale.order", "search_read", {
        domain: [["client_order_ref", "=", sub.orderRef]], fields: ["invoice_ids", "subscription_state", "end_date"],
      });
      const lines = await odoo.call<Array<{ move_id: [number, string]; name: string; quantity: number; price_unit: number }>>("account.move.line", "search_read", {
        domain: [["move_id", "in", order!.invoice_ids]], fields: ["move_id", "name", "quantity", "price_unit"],
      });
      // One entry per invoice, oldest first: its lines' first text line (after the product name Odoo puts first) and amount.
      return { order: order!, invoices: order!.invoice_ids.slice().sort((a, b) => a - b).map((id) =>
        lines.filter((line) => line.move_id[0] === id).map((line) => `${line.name.split("\n")[0]!.replace(/^\[nexa-[^\]]+\] Cloud(: GB hours)? /, "")} ${line.quantity * line.price_unit}`).sort()) };
    };

    // The order opens on the period start; Odoo bills the first month's fee then, usage later.
    const opening = await stack.cron("/api/cron/usage-push");
    expect(opening.body.planning).toContainEqual(expect.objectContaining({ subscription: expect.stringContaining(sub.subscriptionId), decision: "nothing_to_bill" }));
    await runOdooInvoicing(day(previousMonth));
    expect((await invoicesOf()).invoices).toEqual([["Cloud 29"]]);

    // Next month opens: its fee, and the closed month's usage pushed by the hub.
    await sub.send(2, Math.floor(Date.now() / 1000) - 60);
    await stack.cron("/api/cron/usage-push");
    await runOdooInvoicing(day(thisMonth));
    const usageLine = `GB hours usage [${sub.metricCode}]`;
    expect((await invoicesOf()).invoices).toEqual([["Cloud 29"], ["Cloud 29", `${usageLine} 5`]]);

    // Terminated this month: the month's unused days are credited at once (Lago's default for a prepaid
    // plan; none when today is the month's last day), and the last invoice bills this month's usage and no fee.
    const terminated = await sub.api.delete(`/subscriptions/${sub.subscriptionId}`);
    expect(terminated.status).toBe(200);
    await stack.cron("/api/cron/usage-push");
    const credit = terminationCredit({ amountCents: 2900n, interval: "monthly", billingTime: "calendar", subscriptionAt: previousMonth, terminatedAt: new Date(terminated.body.subscription.terminated_at), billedCents: 2900n });
    const creditNote = credit ? [[`Cloud: unused days ${day(credit.unused.start)} to ${lastDayOf(thisMonth)} (${credit.unusedDays} of ${credit.periodDays}) ${Number(credit.amountCents) / 100}`]] : [];
    expect((await invoicesOf()).invoices).toEqual([["Cloud 29"], ["Cloud 29", `${usageLine} 5`], ...creditNote]);
    await runOdooInvoicing(day(monthStart(1)));
    const after = await invoicesOf();
    expect(after.invoices).toEqual([["Cloud 29"], ["Cloud 29", `${usageLine} 5`], ...creditNote, [`${usageLine} 2`]]);
    await runOdooInvoicing(String(after.order.end_date));
    expect((await invoicesOf()).order.subscription_state).toBe("6_churn");
  });

  it("carries a plan's new fee onto the Odoo order for the next invoice", async () => {
    const sub = await subscribe({ subscriptionAt: previousMonth });
    await stack.cron("/api/cron/usage-push");
    const feeLine = async () => (await orderLines(sub.orderRef)).lines.find((line) => line.name === "Cloud")!;
    expect((await feeLine()).price_unit).toBe(29);
    const updated = await sub.api.put(`/plans/${sub.planCode}`, { plan: { amount_cents: 3900 } });
    expect(updated.status).toBe(200);
    await stack.cron("/api/cron/usage-push");
    expect(await feeLine()).toMatchObject({ price_unit: 39, product_uom_qty: 1 });
  });

  it("never pushes a job twice under concurrent cron runs", async () => {
    const sub = await subscribe({ subscriptionAt: previousMonth, freeUnits: "0", amount: "1" });
    await sub.send(3, secondsAt(previousMonth, 5));
    const runs = await Promise.all(Array.from({ length: 4 }, () => stack.cron("/api/cron/usage-push")));
    expect(runs.map((run) => run.status)).toEqual([200, 200, 200, 200]);
    const mine = runs.flatMap((run) => pushResultsOf(run.body)).filter((job) => job.amountCents === "300");
    expect(mine.filter((job) => job.changed)).toHaveLength(1);
    const odooSide = await orderLines(sub.orderRef);
    expect(odooSide.orders).toHaveLength(1);
    expect(odooSide.usage).toEqual([expect.objectContaining({ qty_delivered: 1, price_unit: 3 })]);
    const partners = await odoo.call<unknown[]>("res.partner", "search_read", { domain: [["ref", "like", "nexa-customer-"]], fields: ["ref"] });
    expect(new Set(partners.map((p) => (p as { ref: string }).ref)).size).toBe(partners.length);
  });

  it("loses nothing and doubles nothing when Odoo is down for a whole run", async () => {
    const sub = await subscribe({ subscriptionAt: previousMonth, freeUnits: "0", amount: "2" });
    await sub.send(4, secondsAt(previousMonth, 5));
    await fetch(`${stack.odoo.url}/__sim/faults`, { method: "POST", body: JSON.stringify({ mode: "down", count: 100_000 }) });
    const down = await stack.cron("/api/cron/usage-push");
    expect(down.status).toBe(200);
    expect(down.body.planning).toContainEqual(expect.objectContaining({ subscription: expect.stringContaining(sub.subscriptionId), decision: "error" }));
    await fetch(`${stack.odoo.url}/__sim/faults`, { method: "POST", body: JSON.stringify({ mode: "none" }) });

    const back = await stack.cron("/api/cron/usage-push");
    expect(back.body.jobs).toContainEqual(expect.objectContaining({ outcome: "written", amountCents: "800" }));

    // Odoo fails the next write; a late event arrives meanwhile; the retry writes the new total once.
    await sub.send(1, secondsAt(previousMonth, 6));
    await fetch(`${stack.odoo.url}/__sim/faults`, { method: "POST", body: JSON.stringify({ mode: "down", model: "sale.order.line", method: "write", count: 100_000 }) });
    const failing = await stack.cron("/api/cron/usage-push");
    const failed = await stack.db.job.findFirstOrThrow({ where: { subscription: { externalId: sub.subscriptionId } } });
    expect(failed.state).toBe("failed");
    expect(failed.lastError).toBeTruthy();
    expect(failing.body.jobs).toContainEqual(expect.objectContaining({ outcome: "failed" }));
    await fetch(`${stack.odoo.url}/__sim/faults`, { method: "POST", body: JSON.stringify({ mode: "none" }) });
    await stack.db.job.update({ where: { id: failed.id }, data: { nextRunAt: new Date(0) } });

    const recovered = await stack.cron("/api/cron/usage-push");
    expect(recovered.body.jobs).toContainEqual(expect.objectContaining({ outcome: "written", amountCents: "1000", changed: true }));
    expect((await orderLines(sub.orderRef)).usage).toEqual([expect.objectContaining({ qty_delivered: 1, price_unit: 10 })]);
  });

  it("bills a subscription terminated mid-period only for usage before the termination", async () => {
    const sub = await subscribe({ subscriptionAt: thisMonth, freeUnits: "0", amount: "1" });
    await sub.send(6, Math.floor(Date.now() / 1000) - 3600);
    expect((await sub.api.delete(`/subscriptions/${sub.subscriptionId}`)).status).toBe(200);
    // Stored but not billed: after the termination instant.
    await sub.send(50, Math.floor(Date.now() / 1000) + 3600);
    const run = await stack.cron("/api/cron/usage-push");
    expect(run.body.jobs).toContainEqual(expect.objectContaining({ outcome: "written", units: "6", amountCents: "600" }));
    expect((await orderLines(sub.orderRef)).usage).toEqual([expect.objectContaining({ qty_delivered: 1, price_unit: 6 })]);
    // Odoo bills that final period on its invoice date, then closes the order on end_date
    // (a week later: Odoo closes an order whose end_date has come before invoicing it).
    const orderOf = async () => (await odoo.call<Array<{ id: number; end_date: string; subscription_state: string; invoice_ids: number[] }>>("sale.order", "search_read", {
      domain: [["client_order_ref", "=", sub.orderRef]], fields: ["end_date", "subscription_state", "invoice_ids"],
    }))[0]!;
    const endDate = day(new Date(monthStart(1).getTime() + 7 * 86_400_000));
    expect((await orderOf()).end_date).toBe(endDate);
    const runOdooInvoicing = (today: string) => fetch(`${stack.odoo.url}/__sim/run_invoicing`, { method: "POST", body: JSON.stringify({ today }) }).then((r) => r.json());
    await runOdooInvoicing(day(monthStart(1)));
    const order = await orderOf();
    expect(order.subscription_state).toBe("3_progress");
    const [invoice] = await odoo.call<Array<{ amount_total: number }>>("account.move", "read", { ids: order.invoice_ids, fields: ["amount_total"] });
    // Lago's fee for the days up to the termination (today), the 6.00 of usage, and Odoo's default 15 % sale tax.
    const feeCents = proratedFeeCents({ amountCents: 2900n, interval: "monthly", billingTime: "calendar", subscriptionAt: thisMonth, terminatedAt: new Date(), at: thisMonth });
    const subtotal = Number(feeCents) + 600;
    expect(Math.round(invoice!.amount_total * 100)).toBe(subtotal + Math.round(subtotal * 0.15));
    await runOdooInvoicing(endDate);
    expect(await orderOf()).toMatchObject({ subscription_state: "6_churn", invoice_ids: order.invoice_ids });
  });

  it("takes over a job whose worker crashed mid-push once its lease expires", async () => {
    const sub = await subscribe({ subscriptionAt: previousMonth, freeUnits: "0", amount: "1" });
    await sub.send(7, secondsAt(previousMonth, 5));
    await stack.cron("/api/cron/usage-push");
    const job = await stack.db.job.findFirstOrThrow({ where: { subscription: { externalId: sub.subscriptionId } } });
    // A worker claimed it and died: running, leased far into the future.
    await stack.db.job.update({ where: { id: job.id }, data: { state: "running", leaseOwner: "crashed-worker", leaseExpiresAt: new Date(Date.now() + 3_600_000) } });
    await sub.send(1, secondsAt(previousMonth, 6));
    const whileLeased = await stack.cron("/api/cron/usage-push");
    expect(whileLeased.body.jobs.some((j: { jobId: string }) => j.jobId === job.id)).toBe(false);
    await stack.db.job.update({ where: { id: job.id }, data: { leaseExpiresAt: new Date(Date.now() - 1000) } });
    const afterExpiry = await stack.cron("/api/cron/usage-push");
    expect(afterExpiry.body.jobs).toContainEqual(expect.objectContaining({ jobId: job.id, outcome: "written", amountCents: "800" }));
    expect((await stack.db.job.findUniqueOrThrow({ where: { id: job.id } })).state).toBe("awaiting_invoice");
  });

  it("previews without writing anything in dry-run mode, and refuses callers without the secret", async () => {
    const sub = await subscribe({ subscriptionAt: previousMonth, freeUnits: "0", amount: "1" });
    await sub.send(2, secondsAt(previousMonth, 5));
    const before = await stack.db.job.count();
    const preview = await stack.cron("/api/cron/usage-push?dry_run=true");
    expect(preview.body.rows).toContainEqual(expect.objectContaining({ subscription: expect.stringContaining(sub.subscriptionId), odooOrder: "(would be created)" }));
    expect(await stack.db.job.count()).toBe(before);
    expect((await orderLines(sub.orderRef)).orders).toHaveLength(0);
    const anonymous = await fetch(`${stack.app.baseUrl}/api/cron/usage-push`, { method: "POST" });
    expect(anonymous.status).toBe(401);
  });
});
