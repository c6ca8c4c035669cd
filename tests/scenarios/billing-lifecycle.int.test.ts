import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { terminateSubscription } from "~/server/subscriptions/terminate-subscription";
import { updatePlan } from "~/server/catalog/update-plan";
import { at, invoicesOf, type Lifecycle, startLifecycle, subscribe } from "../support/billing-lifecycle";

/*
 * Whole subscription lifecycles with Odoo's invoicing run every day (the simulator's
 * crons, in-process), checking each invoice line by line: every fee and every unit is
 * billed once, for the period it belongs to, and nothing is left on the order after the
 * final invoice.
 */
let life: Lifecycle;
beforeAll(async () => {
  life = await startLifecycle({ firstDay: "2026-01-01" });
}, 120_000);
afterAll(() => life?.stop());

const everyLineZero = (lines: Array<Record<string, any>>) => lines.length > 0 && lines.every((line) => line.qty_delivered === 0 && line.product_uom_qty === 0);

describe("billing lifecycles against Odoo's daily invoicing", () => {
  let postpaid: Awaited<ReturnType<typeof subscribe>>;
  let arrearsEnded: Awaited<ReturnType<typeof subscribe>>;
  let advanceEnded: Awaited<ReturnType<typeof subscribe>>;

  beforeAll(async () => {
    postpaid = await subscribe(life.db, { subscriptionAt: at("2026-01-01"), feeCents: 2900n, payInAdvance: false, unitPrice: "0.50" });
    arrearsEnded = await subscribe(life.db, { subscriptionAt: at("2026-01-01"), feeCents: 1000n, payInAdvance: false, unitPrice: "1" });
    advanceEnded = await subscribe(life.db, { subscriptionAt: at("2026-01-01"), feeCents: 2000n, payInAdvance: true, unitPrice: "1" });
    await postpaid.send(20, at("2026-01-05"));
    await postpaid.send(5, at("2026-01-20"));
    await arrearsEnded.send(3, at("2026-01-10"));
    await advanceEnded.send(4, at("2026-01-10"));
    await life.runUntil("2026-02-09");
    // January's invoice is out when 3 more January units arrive (1.50 at 0.50).
    await postpaid.send(3, at("2026-01-25"), at("2026-02-10"));
    // February: no usage on the postpaid plan; the others end mid-month.
    await arrearsEnded.send(2, at("2026-02-05"));
    await advanceEnded.send(6, at("2026-02-05"));
    for (const sub of [arrearsEnded, advanceEnded]) await terminateSubscription({ db: life.db, serviceId: sub.serviceId, externalId: sub.externalId, now: at("2026-02-10", 12) });
    await arrearsEnded.send(50, at("2026-02-11")); // after the termination: stored, never billed
    await life.runUntil("2026-03-14");
    // March: usage, and the plan's fee raised mid-period (applies to the next invoice, as in Lago).
    await postpaid.send(10, at("2026-03-03"));
    await updatePlan({ db: life.db, code: postpaid.planCode, changes: { amountCents: 3900n } });
    await life.runUntil("2026-04-20");
  }, 600_000);

  it("postpaid: each month's fee and usage once, late usage as an adjustment, a zero-usage month on its own dates, a new price from the next invoice", async () => {
    const { invoices, order } = await invoicesOf(life.odoo, postpaid.orderRef);
    expect(order.require_payment).toBe(false);
    expect(invoices).toEqual([
      { date: "2026-02-01", lines: ["fee 29 2026-01-01..2026-01-31", "usage 12.5 2026-01-01..2026-01-31"] },
      // February had no usage: a 0.00 line keeps the usage line's service dates on the hub's months.
      // With January's late units, labelled as such, billed once.
      { date: "2026-03-01", lines: ["fee 29 2026-02-01..2026-02-28", "late 1.5 for 2026-01-01", "usage 0 2026-02-01..2026-02-28"] },
      { date: "2026-04-01", lines: ["fee 39 2026-03-01..2026-03-31", "usage 5 2026-03-01..2026-03-31"] },
    ]);
  });

  it("in arrears, terminated mid-period: the final month's pro rata fee and usage before the termination once, then every line zero", async () => {
    const { invoices, order, lines } = await invoicesOf(life.odoo, arrearsEnded.orderRef);
    expect(invoices).toEqual([
      { date: "2026-02-01", lines: ["fee 10 2026-01-01..2026-01-31", "usage 3 2026-01-01..2026-01-31"] },
      // Terminated on February 10: Lago's fee for 10 of February's 28 days, 10.00 × 10/28.
      { date: "2026-03-01", lines: ["fee 3.57 2026-02-01..2026-02-28", "usage 2 2026-02-01..2026-02-28"] },
    ]);
    expect(order.subscription_state).toBe("6_churn");
    expect(everyLineZero(lines)).toBe(true);
  });

  it("pay in advance, terminated mid-period: the final month's usage once, no fee after it, then every line zero", async () => {
    const { invoices, lines } = await invoicesOf(life.odoo, advanceEnded.orderRef);
    expect(invoices).toEqual([
      { date: "2026-01-01", lines: ["fee 20 2026-01-01..2026-01-31"] },
      { date: "2026-02-01", lines: ["fee 20 2026-02-01..2026-02-28", "usage 4 2026-01-01..2026-01-31"] },
      { date: "2026-03-01", lines: ["usage 6 2026-02-01..2026-02-28"] },
    ]);
    expect(everyLineZero(lines)).toBe(true);
  });
});
