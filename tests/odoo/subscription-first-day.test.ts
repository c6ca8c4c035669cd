import { expect, it } from "vitest";
import { startLifecycle } from "./support/lifecycle";
import { describeEachPeer } from "./support/peers";

/*
 * billing_first_day as the hub uses it for calendar subscriptions paid in advance: the
 * order starts on the subscription's own day and Odoo prorates the first fee up to the
 * next 1st, then bills whole periods on the calendar — the amounts Lago bills (fee ×
 * days used / days in the calendar period), on the simulator and on the real Odoo 19
 * with the stand-in addon. Each lifecycle lives in its own years.
 */
type Ledger = Array<{ date: string; lines: Array<{ quantity: number; price: number; subtotal: number; from: string; to: string }> }>;
const fees = (ledger: unknown) => (ledger as Ledger).map((move) => ({ date: move.date, lines: move.lines.map((l) => `${l.subtotal} ${l.from}..${l.to}`) }));

describeEachPeer("billing_first_day plans", (peer) => {
  it("a yearly member who joins on December 1 is invoiced 31/365 of the year, then whole years on January 1st", async () => {
    const life = await startLifecycle(peer(), {
      start: "2036-12-01", lines: [{ policy: "order", price: 120 }], order: { require_payment: false },
      plan: { billing_period_value: 1, billing_period_unit: "year", billing_first_day: true },
    });
    await life.days("2036-12-01");
    await life.payAll();
    await life.days("2037-01-01");
    await life.payAll();
    await life.days("2038-01-01");
    expect(fees(await life.ledger())).toEqual([
      { date: "2036-12-01", lines: ["10.19 2036-12-01..2036-12-31"] }, // 120.00 × 31/365
      { date: "2037-01-01", lines: ["120 2037-01-01..2037-12-31"] },
      { date: "2038-01-01", lines: ["120 2038-01-01..2038-12-31"] },
    ]);
    await life.writeOrder({ end_date: "2038-01-02" });
    await life.days("2038-01-02");
  });

  it("a monthly subscription started on the 15th of a 31-day month is invoiced 17/31, then whole months", async () => {
    const life = await startLifecycle(peer(), {
      start: "2039-01-15", lines: [{ policy: "order", price: 31 }], order: { require_payment: false },
      plan: { billing_period_value: 1, billing_period_unit: "month", billing_first_day: true },
    });
    await life.days("2039-01-15");
    await life.payAll();
    await life.days("2039-02-01");
    expect(fees(await life.ledger())).toEqual([
      { date: "2039-01-15", lines: ["17 2039-01-15..2039-01-31"] },
      { date: "2039-02-01", lines: ["31 2039-02-01..2039-02-28"] },
    ]);
    await life.writeOrder({ end_date: "2039-02-02" });
    await life.days("2039-02-02");
  });
}, { needs: "subscriptions" });
