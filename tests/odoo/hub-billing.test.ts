import { afterAll, beforeAll, expect, it } from "vitest";
import { createPlan } from "~/server/catalog/create-plan";
import { createSubscription } from "~/server/subscriptions/create-subscription";
import { terminateSubscription } from "~/server/subscriptions/terminate-subscription";
import { uniqueCode } from "../support/fixtures";
import { at, invoicesOf, startLifecycleOn, subscribe } from "../support/billing-lifecycle";
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
}, { needs: "subscriptions" });
