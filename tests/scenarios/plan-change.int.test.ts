import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPlan } from "~/server/catalog/create-plan";
import { serializeSubscription } from "~/server/lago-api/subscription-wire";
import { createSubscription } from "~/server/subscriptions/create-subscription";
import { subscriptionWithRelations } from "~/server/subscriptions/subscription-input";
import { uniqueCode } from "../support/fixtures";
import { at, invoicesOf, type Lifecycle, startLifecycle, subscribe } from "../support/billing-lifecycle";

/*
 * A plan change (Lago's POST /subscriptions with the same external id on another plan)
 * on a live subscription, with Odoo's invoicing run every day: an upgrade's period is
 * billed once, fee and usage, on the new plan and the old plan's fee stops; a downgrade
 * waits for the end of the period, as in Lago.
 */
let life: Lifecycle;
beforeAll(async () => {
  life = await startLifecycle({ firstDay: "2026-01-01" });
}, 120_000);
afterAll(() => life?.stop());

type Sub = Awaited<ReturnType<typeof subscribe>>;
/** A second plan on the subscription's metric: another fee, another unit price. */
async function planBeside(sub: Sub, options: { feeCents: bigint; unitPrice: string; payInAdvance?: boolean; interval?: "monthly" | "yearly" }) {
  const code = uniqueCode("plan");
  await createPlan({ db: life.db, input: { code, name: `Plan ${code}`, interval: options.interval ?? "monthly", amountCents: options.feeCents, amountCurrency: "CAD", payInAdvance: options.payInAdvance ?? false, charges: [
    { billableMetricCode: sub.metricCode, chargeModel: "standard", properties: { amount: options.unitPrice } },
  ] } });
  return code;
}
const changePlan = (sub: Sub, planCode: string, now: Date) =>
  createSubscription({ db: life.db, serviceId: sub.serviceId, input: { externalCustomerId: sub.customerExternalId, planCode, externalId: sub.externalId }, now });

describe("plan change on a live subscription", () => {
  let midPeriod: Sub;
  let atBoundary: Sub;
  let prepaid: Sub;
  let downgraded: Sub;
  let downgradeAnswer: Awaited<ReturnType<typeof changePlan>>;

  beforeAll(async () => {
    midPeriod = await subscribe(life.db, { subscriptionAt: at("2026-01-01"), feeCents: 2900n, payInAdvance: false, unitPrice: "0.50" });
    atBoundary = await subscribe(life.db, { subscriptionAt: at("2026-01-01"), feeCents: 2900n, payInAdvance: false, unitPrice: "0.50" });
    prepaid = await subscribe(life.db, { subscriptionAt: at("2026-01-01"), feeCents: 2000n, payInAdvance: true, unitPrice: "1" });
    downgraded = await subscribe(life.db, { subscriptionAt: at("2026-01-01"), feeCents: 4900n, payInAdvance: false, unitPrice: "1" });
    const smaller = await planBeside(downgraded, { feeCents: 2900n, unitPrice: "0.50" });
    const bigger = await planBeside(midPeriod, { feeCents: 4900n, unitPrice: "1" });
    const biggerAtBoundary = await planBeside(atBoundary, { feeCents: 4900n, unitPrice: "1" });
    const biggerPrepaid = await planBeside(prepaid, { feeCents: 5000n, unitPrice: "2", payInAdvance: true });
    for (const sub of [midPeriod, atBoundary, prepaid, downgraded]) await sub.send(10, at("2026-01-05"));
    await life.runUntil("2026-02-09");
    for (const sub of [midPeriod, atBoundary, prepaid, downgraded]) await sub.send(4, at("2026-02-05"));
    await changePlan(midPeriod, bigger, at("2026-02-10", 12));
    downgradeAnswer = await changePlan(downgraded, smaller, at("2026-02-10", 12));
    await changePlan(prepaid, biggerPrepaid, at("2026-02-10", 12));
    await life.runUntil("2026-02-28");
    // Just after the boundary, before Odoo's daily run has invoiced February.
    await changePlan(atBoundary, biggerAtBoundary, at("2026-03-01", 0));
    for (const sub of [midPeriod, atBoundary, prepaid, downgraded]) await sub.send(6, at("2026-03-05"));
    await life.runUntil("2026-04-02");
  }, 600_000);

  it("mid-period, in arrears: that month's fee and usage on the new plan, once, and never the old fee again", async () => {
    expect((await invoicesOf(life.odoo, midPeriod.orderRef)).invoices).toEqual([
      { date: "2026-02-01", lines: ["fee 29 2026-01-01..2026-01-31", "usage 5 2026-01-01..2026-01-31"] },
      { date: "2026-03-01", lines: ["fee 49 2026-02-01..2026-02-28", "usage 4 2026-02-01..2026-02-28"] },
      { date: "2026-04-01", lines: ["fee 49 2026-03-01..2026-03-31", "usage 6 2026-03-01..2026-03-31"] },
    ]);
  });

  it("just after a boundary Odoo has not invoiced yet: the closed month on the old plan, the new one on the new plan", async () => {
    expect((await invoicesOf(life.odoo, atBoundary.orderRef)).invoices).toEqual([
      { date: "2026-02-01", lines: ["fee 29 2026-01-01..2026-01-31", "usage 5 2026-01-01..2026-01-31"] },
      { date: "2026-03-01", lines: ["fee 29 2026-02-01..2026-02-28", "usage 2 2026-02-01..2026-02-28"] },
      { date: "2026-04-01", lines: ["fee 49 2026-03-01..2026-03-31", "usage 6 2026-03-01..2026-03-31"] },
    ]);
  });

  it("pay in advance: the paid month stays paid, the new plan's fee from the next invoice, the month's usage on the new plan", async () => {
    const { invoices } = await invoicesOf(life.odoo, prepaid.orderRef);
    expect(invoices.map((invoice) => invoice.lines.filter((line) => line.startsWith("fee")))).toEqual([
      ["fee 20 2026-01-01..2026-01-31"],
      ["fee 20 2026-02-01..2026-02-28"],
      ["fee 50 2026-03-01..2026-03-31"],
      ["fee 50 2026-04-01..2026-04-30"],
    ]);
    expect(invoices.map((invoice) => invoice.lines.filter((line) => line.startsWith("usage")))).toEqual([
      [],
      ["usage 10 2026-01-01..2026-01-31"],
      ["usage 8 2026-02-01..2026-02-28"],
      ["usage 12 2026-03-01..2026-03-31"],
    ]);
  });

  it("downgrades when the period ends, as Lago: February on the old plan, March on the new one", async () => {
    // Answered at once with the plan it still has, and the one it moves to, and when.
    expect(serializeSubscription(downgradeAnswer.subscription, { now: at("2026-02-10", 12) })).toMatchObject({
      plan_code: downgraded.planCode, next_plan_code: expect.stringMatching(/^plan_/), downgrade_plan_date: "2026-03-01",
    });
    expect((await invoicesOf(life.odoo, downgraded.orderRef)).invoices).toEqual([
      { date: "2026-02-01", lines: ["fee 49 2026-01-01..2026-01-31", "usage 10 2026-01-01..2026-01-31"] },
      { date: "2026-03-01", lines: ["fee 49 2026-02-01..2026-02-28", "usage 4 2026-02-01..2026-02-28"] },
      { date: "2026-04-01", lines: ["fee 29 2026-03-01..2026-03-31", "usage 3 2026-03-01..2026-03-31"] },
    ]);
    const after = await life.db.subscription.findUniqueOrThrow({ where: { id: downgradeAnswer.subscription.id }, include: subscriptionWithRelations });
    expect(after).toMatchObject({ nextPlanId: null, downgradeAt: null, planChangedAt: at("2026-03-01"), plan: { amountCents: 2900n } });
    expect(serializeSubscription(after, { now: at("2026-03-05") })).toMatchObject({ previous_plan_code: downgraded.planCode, next_plan_code: null, downgrade_plan_date: null });
  });

  it("refuses a plan on another rhythm, currency or billing point, storing nothing", async () => {
    const yearly = await planBeside(midPeriod, { feeCents: 29000n, unitPrice: "1", interval: "yearly" });
    const inAdvance = await planBeside(midPeriod, { feeCents: 4900n, unitPrice: "1", payInAdvance: true });
    for (const code of [yearly, inAdvance]) {
      await expect(changePlan(midPeriod, code, at("2026-04-02", 12))).rejects.toMatchObject({ extra: { details: { plan_code: ["incompatible_with_current_plan"] } } });
    }
  });
});
