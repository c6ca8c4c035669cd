import { afterAll, beforeAll, expect, it } from "vitest";
import { createPlan } from "~/server/catalog/create-plan";
import { createSubscription } from "~/server/subscriptions/create-subscription";
import { terminateSubscription } from "~/server/subscriptions/terminate-subscription";
import { uniqueCode } from "../support/fixtures";
import { at, creditNotesOf, invoicesOf, startLifecycleOn, subscribe } from "../support/billing-lifecycle";
import { hubDriver } from "./support/hub-driver";
import { describeEachPeer } from "./support/peers";

/*
 * The hub's own billing, end to end, on each peer that models sale_subscription: the
 * simulator, and real Odoo 19 with the repo's stand-in, whose recurring invoicing,
 * posting (next_invoice_date), taxes and payments are Odoo's. The usage push and the
 * lifecycle poll run around each day's crons, as in production; each invoice is paid
 * through Odoo's "Register payment" wizard. Both peers must bill every fee and unit once,
 * for the period it belongs to.
 */
describeEachPeer("the hub billing day by day through sale_subscription", (peer) => {
  let life: Awaited<ReturnType<typeof startLifecycleOn>>;
  beforeAll(async () => {
    life = await startLifecycleOn({ firstDay: "2037-01-01", driver: hubDriver(peer()) });
  }, 180_000);
  afterAll(() => life?.stop());

  it("bills each month's fee and usage once, late usage as an adjustment, and nothing after a termination in arrears", async () => {
    const postpaid = await subscribe(life.db, { subscriptionAt: at("2037-01-01"), feeCents: 2900n, payInAdvance: false, unitPrice: "0.50", currency: "USD" });
    const ended = await subscribe(life.db, { subscriptionAt: at("2037-01-01"), feeCents: 1000n, payInAdvance: false, unitPrice: "1", currency: "USD" });
    await postpaid.send(20, at("2037-01-05"));
    await postpaid.send(5, at("2037-01-20"));
    await ended.send(3, at("2037-01-10"));
    await life.runUntil("2037-02-09");
    // January's invoice is out when 3 more January units arrive.
    await postpaid.send(3, at("2037-01-25"), at("2037-02-10"));
    await ended.send(2, at("2037-02-05"));
    await terminateSubscription({ db: life.db, serviceId: ended.serviceId, externalId: ended.externalId, now: at("2037-02-10", 12) });
    await life.runUntil("2037-03-12");

    expect((await invoicesOf(life.odoo, postpaid.orderRef)).invoices).toEqual([
      { date: "2037-02-01", lines: ["fee 29 2037-01-01..2037-01-31", "usage 12.5 2037-01-01..2037-01-31"] },
      { date: "2037-03-01", lines: ["fee 29 2037-02-01..2037-02-28", "late 1.5 for 2037-01-01", "usage 0 2037-02-01..2037-02-28"] },
    ]);
    const final = await invoicesOf(life.odoo, ended.orderRef);
    // Terminated on the 10th at noon: 10 of February's 28 days of the fee, February's usage, then nothing.
    expect(final.invoices).toEqual([
      { date: "2037-02-01", lines: ["fee 10 2037-01-01..2037-01-31", "usage 3 2037-01-01..2037-01-31"] },
      { date: "2037-03-01", lines: ["fee 3.57 2037-02-01..2037-02-28", "usage 2 2037-02-01..2037-02-28"] },
    ]);
    expect(final.order.subscription_state).toBe("6_churn");
    expect(final.lines.every((line) => line.qty_delivered === 0 && line.product_uom_qty === 0)).toBe(true);
  }, 600_000);

  it("bills a plan change from its month on, and a prepaid termination's final usage once with no fee after it", async () => {
    const changed = await subscribe(life.db, { subscriptionAt: at("2037-04-01"), feeCents: 2900n, payInAdvance: false, unitPrice: "0.50", currency: "USD" });
    const prepaid = await subscribe(life.db, { subscriptionAt: at("2037-04-01"), feeCents: 2000n, payInAdvance: true, unitPrice: "1", currency: "USD" });
    const bigger = uniqueCode("plan");
    await createPlan({ db: life.db, input: { code: bigger, name: "Bigger", interval: "monthly", amountCents: 4900n, amountCurrency: "USD", payInAdvance: false, charges: [
      { billableMetricCode: changed.metricCode, chargeModel: "standard", properties: { amount: "1" } },
    ] } });
    await changed.send(10, at("2037-04-05"));
    await prepaid.send(4, at("2037-04-05"));
    await life.runUntil("2037-05-09");
    await changed.send(4, at("2037-05-05"));
    await prepaid.send(6, at("2037-05-05"));
    await createSubscription({ db: life.db, serviceId: changed.serviceId, input: { externalCustomerId: changed.customerExternalId, planCode: bigger, externalId: changed.externalId }, now: at("2037-05-10", 12) });
    await terminateSubscription({ db: life.db, serviceId: prepaid.serviceId, externalId: prepaid.externalId, now: at("2037-05-10", 12) });
    await life.runUntil("2037-06-12");

    expect((await invoicesOf(life.odoo, changed.orderRef)).invoices).toEqual([
      { date: "2037-05-01", lines: ["fee 29 2037-04-01..2037-04-30", "usage 5 2037-04-01..2037-04-30"] },
      { date: "2037-06-01", lines: ["fee 49 2037-05-01..2037-05-31", "usage 4 2037-05-01..2037-05-31"] },
    ]);
    const final = await invoicesOf(life.odoo, prepaid.orderRef);
    expect(final.invoices.map((invoice) => invoice.date)).toEqual(["2037-04-01", "2037-05-01", "2037-06-01"]);
    expect(final.invoices.at(-1)!.lines).toEqual(["usage 6 2037-05-01..2037-05-31"]);
    expect(final.lines.every((line) => line.qty_delivered === 0 && line.product_uom_qty === 0)).toBe(true);
  }, 600_000);

  it("credits a prepaid plan's unused days when it ends mid-period: against the owed invoice, or as the customer's credit once paid", async () => {
    const base = { subscriptionAt: at("2037-07-01"), feeCents: 3100n, payInAdvance: true, unitPrice: "1", currency: "USD" } as const;
    const paid = await subscribe(life.db, base);
    const owed = await subscribe(life.db, base);
    const skipped = await subscribe(life.db, base);
    await life.runUntil("2037-06-30", { dueOnly: true });
    // The order exists from the first push of July 1st; its customer never pays.
    await life.push(at("2037-07-01"));
    life.unpaidOrders.add((await invoicesOf(life.odoo, owed.orderRef)).order.id);
    await life.runUntil("2037-07-09", { dueOnly: true });
    for (const [sub, creditNote] of [[paid, undefined], [owed, undefined], [skipped, "skip"]] as const) {
      await terminateSubscription({ db: life.db, serviceId: sub.serviceId, externalId: sub.externalId, now: at("2037-07-10", 12), creditNote });
    }
    await life.runUntil("2037-08-02", { dueOnly: true });

    // July 11 to 31 is 21 of July's 31 days: 31.00 × 21/31 = 21.00, dated the termination day.
    const credit = { date: "2037-07-10", state: "posted", lines: ["21 Plan: unused days 2037-07-11 to 2037-07-31 (21 of 31)"] };
    expect(await creditNotesOf(life.odoo, paid.orderRef)).toEqual([{ ...credit, paymentState: "not_paid", reversed: { paymentState: expect.stringMatching(/^(paid|in_payment)$/), residual: 0 } }]);
    const [owedNote] = await creditNotesOf(life.odoo, owed.orderRef);
    expect(owedNote).toMatchObject({ ...credit, paymentState: "paid", reversed: { paymentState: "partial" } });
    // What the customer still owes is the used days' share of July, taxes included as Odoo computes them.
    const [july] = await life.odoo.call<Array<{ amount_total: number; amount_residual: number }>>("account.move", "search_read", {
      domain: [["invoice_origin", "=", (await invoicesOf(life.odoo, owed.orderRef)).order.name], ["move_type", "=", "out_invoice"]], fields: ["amount_total", "amount_residual"], order: "id", limit: 1,
    });
    expect(july!.amount_residual).toBeCloseTo(july!.amount_total * (10 / 31), 1);
    expect(await creditNotesOf(life.odoo, skipped.orderRef)).toEqual([]);
    // Once, whatever the number of runs: the hub keeps the credit note's id.
    const ids = await life.db.subscription.findMany({ where: { externalId: { in: [paid.externalId, owed.externalId, skipped.externalId] } }, select: { externalId: true, odooCreditNoteId: true } });
    expect(ids.filter((row) => row.odooCreditNoteId !== null).map((row) => row.externalId).sort()).toEqual([paid.externalId, owed.externalId].sort());
  }, 600_000);
}, { needs: "subscriptions" });
