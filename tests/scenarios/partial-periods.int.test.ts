import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { terminateSubscription } from "~/server/subscriptions/terminate-subscription";
import { at, invoicesOf, type Lifecycle, startLifecycle, subscribe } from "../support/billing-lifecycle";

/*
 * Partial periods with Odoo's invoicing run every day (the simulator's crons): a calendar
 * subscription started or terminated mid-period is billed Lago's pro rata fee (fee × days
 * billed / days in the period) to the cent, and every later period whole, on the
 * calendar's dates.
 */
let life: Lifecycle;
beforeAll(async () => {
  life = await startLifecycle({ firstDay: "2025-11-30" });
}, 120_000);
afterAll(() => life?.stop());

type Sub = Awaited<ReturnType<typeof subscribe>>;
const feeLines = async (sub: Sub) => (await invoicesOf(life.odoo, sub.orderRef)).invoices.map((i) => ({ date: i.date, fees: i.lines.filter((l) => l.startsWith("fee ")) }));

describe("partial calendar periods against Odoo's daily invoicing", () => {
  const subs: Record<string, Sub> = {};

  beforeAll(async () => {
    const base = { unitPrice: "1" };
    subs.yearlyAdvance = await subscribe(life.db, { ...base, subscriptionAt: at("2025-12-01"), feeCents: 12000n, payInAdvance: true, interval: "yearly" });
    subs.yearlyArrears = await subscribe(life.db, { ...base, subscriptionAt: at("2025-12-01"), feeCents: 12000n, payInAdvance: false, interval: "yearly" });
    subs.monthlyAdvance = await subscribe(life.db, { ...base, subscriptionAt: at("2025-12-15"), feeCents: 3100n, payInAdvance: true });
    subs.monthlyArrears = await subscribe(life.db, { ...base, subscriptionAt: at("2025-12-15"), feeCents: 3100n, payInAdvance: false });
    subs.anniversary = await subscribe(life.db, { ...base, subscriptionAt: at("2025-12-15"), feeCents: 3100n, payInAdvance: true, billingTime: "anniversary" });
    subs.quarterlyArrears = await subscribe(life.db, { ...base, subscriptionAt: at("2025-12-02"), feeCents: 9200n, payInAdvance: false, interval: "quarterly" });
    subs.weeklyArrears = await subscribe(life.db, { ...base, subscriptionAt: at("2025-12-03"), feeCents: 700n, payInAdvance: false, interval: "weekly" });
    subs.quarterlyAdvance = await subscribe(life.db, { ...base, subscriptionAt: at("2026-01-10"), feeCents: 9000n, payInAdvance: true, interval: "quarterly" });
    subs.weeklyAdvance = await subscribe(life.db, { ...base, subscriptionAt: at("2025-12-03"), feeCents: 700n, payInAdvance: true, interval: "weekly" });
    await subs.monthlyArrears.send(4, at("2025-12-20"));
    await life.runUntil("2026-02-09");
    for (const key of ["monthlyAdvance", "monthlyArrears", "anniversary", "weeklyArrears", "weeklyAdvance"]) {
      await terminateSubscription({ db: life.db, serviceId: subs[key]!.serviceId, externalId: subs[key]!.externalId, now: at("2026-02-10", 12) });
    }
    await life.runUntil("2027-01-03");
  }, 900_000);

  it("a yearly member who joins on December 1 (2025), in advance: 31/365 × 120.00 = 10.19 for December, then whole years", async () => {
    expect(await feeLines(subs.yearlyAdvance!)).toEqual([
      { date: "2025-12-01", fees: ["fee 10.19 2025-12-01..2025-12-31"] },
      { date: "2026-01-01", fees: ["fee 120 2026-01-01..2026-12-31"] },
      { date: "2027-01-01", fees: ["fee 120 2027-01-01..2027-12-31"] },
    ]);
  });

  it("the same member in arrears: December's 10.19 after December (the hub's price, on Odoo's calendar year), then 2026 whole", async () => {
    expect(await feeLines(subs.yearlyArrears!)).toEqual([
      { date: "2026-01-01", fees: ["fee 10.19 2025-01-01..2025-12-31"] },
      { date: "2027-01-01", fees: ["fee 120 2026-01-01..2026-12-31"] },
    ]);
  });

  it("monthly from the 15th, in advance: 17/31 of the fee, then whole months; terminated on Feb 10, no fee after it", async () => {
    expect(await feeLines(subs.monthlyAdvance!)).toEqual([
      { date: "2025-12-15", fees: ["fee 17 2025-12-15..2025-12-31"] },
      { date: "2026-01-01", fees: ["fee 31 2026-01-01..2026-01-31"] },
      { date: "2026-02-01", fees: ["fee 31 2026-02-01..2026-02-28"] },
      { date: "2026-03-01", fees: [] },
    ]);
  });

  it("monthly from the 15th, in arrears: 17/31 after December with its usage, then January whole, then February's 10 days (10/28)", async () => {
    const { invoices } = await invoicesOf(life.odoo, subs.monthlyArrears!.orderRef);
    expect(invoices).toEqual([
      // The order starts on the 1st: Odoo's service dates are the calendar month, the amount Lago's share of it.
      { date: "2026-01-01", lines: ["fee 17 2025-12-01..2025-12-31", "usage 4 2025-12-01..2025-12-31"] },
      { date: "2026-02-01", lines: ["fee 31 2026-01-01..2026-01-31", "usage 0 2026-01-01..2026-01-31"] },
      { date: "2026-03-01", lines: ["fee 11.07 2026-02-01..2026-02-28", "usage 0 2026-02-01..2026-02-28"] },
    ]);
  });

  it("an anniversary subscription is billed whole periods from its own day", async () => {
    expect((await feeLines(subs.anniversary!)).slice(0, 2)).toEqual([
      { date: "2025-12-15", fees: ["fee 31 2025-12-15..2026-01-14"] },
      { date: "2026-01-15", fees: ["fee 31 2026-01-15..2026-02-14"] },
    ]);
  });

  it("quarterly and weekly in arrears, started mid-period: Lago's pro rata fee on Odoo's whole calendar period", async () => {
    // Q4 2025 has 92 days; December 2 to 31 is 30 of them: 92.00 × 30/92.
    expect((await feeLines(subs.quarterlyArrears!)).slice(0, 2)).toEqual([
      { date: "2026-01-01", fees: ["fee 30 2025-10-01..2025-12-31"] },
      { date: "2026-04-01", fees: ["fee 92 2026-01-01..2026-03-31"] },
    ]);
    // Wednesday 3 December to Sunday: 5 of 7 days.
    expect((await feeLines(subs.weeklyArrears!)).slice(0, 2)).toEqual([
      { date: "2025-12-08", fees: ["fee 5 2025-12-01..2025-12-07"] },
      { date: "2025-12-15", fees: ["fee 7 2025-12-08..2025-12-14"] },
    ]);
  });

  it("quarterly and weekly in advance, started mid-period: the hub prices Odoo's first calendar period at Lago's share, then whole periods", async () => {
    // Odoo bills the prepaid fee when its calendar period opens, before the subscription's
    // start: January 10 to March 31 is 81 of Q1's 90 days, 90.00 × 81/90.
    expect((await feeLines(subs.quarterlyAdvance!)).slice(0, 2)).toEqual([
      { date: "2026-01-01", fees: ["fee 81 2026-01-01..2026-03-31"] },
      { date: "2026-04-01", fees: ["fee 90 2026-04-01..2026-06-30"] },
    ]);
    expect((await feeLines(subs.weeklyAdvance!)).slice(0, 2)).toEqual([
      { date: "2025-12-01", fees: ["fee 5 2025-12-01..2025-12-07"] },
      { date: "2025-12-08", fees: ["fee 7 2025-12-08..2025-12-14"] },
    ]);
  });
});
