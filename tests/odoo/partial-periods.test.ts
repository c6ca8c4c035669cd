import { afterAll, beforeAll, expect, it } from "vitest";
import type { BillingTime, PlanInterval } from "~/server/billing/billing-period";
import { terminateSubscription } from "~/server/subscriptions/terminate-subscription";
import { addDays, at, creditNotesOf, invoicesOf, type InvoiceView, startLifecycleOn, subscribe } from "../support/billing-lifecycle";
import { hubDriver } from "./support/hub-driver";
import { describeEachPeer } from "./support/peers";

/*
 * Partial periods, the hub's usage push around Odoo's crons: a subscription started or
 * terminated mid-period is billed Lago's pro rata fee (fee × days billed / days in the
 * period) to the cent, every other period whole, for every interval the hub offers,
 * calendar and anniversary, in advance and in arrears (a prepaid plan's unused days
 * credited on termination, as Lago does), on the simulator and on real Odoo
 * 19 with the stand-in. The timeline lives in 2042–2044, whose calendar is 2025–2027's
 * (the weekdays, no leap day), away from the other files' years on the shared database.
 */
interface Case {
  title: string;
  subscriptionAt: string;
  feeCents: bigint;
  payInAdvance: boolean;
  interval?: PlanInterval;
  billingTime?: BillingTime;
  /** The day it is terminated, at noon. */
  terminated?: string;
  /** Units sent on 2042-12-20. */
  units?: number;
  /** The order's invoices, or with `fees` their fee lines only. */
  invoices: InvoiceView[];
  fees?: true;
  /** The hub's credit notes for a prepaid plan's unused days (Lago's on termination); none unless given. */
  credits?: InvoiceView[];
}

const cases: Case[] = [
  {
    title: "yearly from December 1, in advance: 31/365 × 120.00 = 10.19 for December, then whole years",
    subscriptionAt: "2042-12-01", feeCents: 12000n, payInAdvance: true, interval: "yearly", fees: true,
    invoices: [
      { date: "2042-12-01", lines: ["fee 10.19 2042-12-01..2042-12-31"] },
      { date: "2043-01-01", lines: ["fee 120 2043-01-01..2043-12-31"] },
      { date: "2044-01-01", lines: ["fee 120 2044-01-01..2044-12-31"] },
    ],
  },
  {
    // The hub's price on Odoo's calendar year: the order starts on the grid boundary.
    title: "yearly from December 1, in arrears: December's 10.19 after December, then the next year whole",
    subscriptionAt: "2042-12-01", feeCents: 12000n, payInAdvance: false, interval: "yearly", fees: true,
    invoices: [
      { date: "2043-01-01", lines: ["fee 10.19 2042-01-01..2042-12-31"] },
      { date: "2044-01-01", lines: ["fee 120 2043-01-01..2043-12-31"] },
    ],
  },
  {
    title: "semiannual from December 2, in arrears: 30 of the half-year's 184 days, then whole half-years",
    subscriptionAt: "2042-12-02", feeCents: 18400n, payInAdvance: false, interval: "semiannual", fees: true,
    invoices: [
      { date: "2043-01-01", lines: ["fee 30 2042-07-01..2042-12-31"] },
      { date: "2043-07-01", lines: ["fee 184 2043-01-01..2043-06-30"] },
      { date: "2044-01-01", lines: ["fee 184 2043-07-01..2043-12-31"] },
    ],
  },
  {
    // Odoo bills a prepaid fee when its calendar period opens, before the subscription's start.
    title: "semiannual from January 10, in advance: 172 of the half-year's 181 days, then whole half-years",
    subscriptionAt: "2043-01-10", feeCents: 18100n, payInAdvance: true, interval: "semiannual", fees: true,
    invoices: [
      { date: "2043-01-01", lines: ["fee 172 2043-01-01..2043-06-30"] },
      { date: "2043-07-01", lines: ["fee 181 2043-07-01..2043-12-31"] },
      { date: "2044-01-01", lines: ["fee 181 2044-01-01..2044-06-30"] },
    ],
  },
  {
    title: "quarterly from December 2, in arrears: 30 of Q4's 92 days, then whole quarters",
    subscriptionAt: "2042-12-02", feeCents: 9200n, payInAdvance: false, interval: "quarterly", fees: true,
    invoices: [
      { date: "2043-01-01", lines: ["fee 30 2042-10-01..2042-12-31"] },
      { date: "2043-04-01", lines: ["fee 92 2043-01-01..2043-03-31"] },
      { date: "2043-07-01", lines: ["fee 92 2043-04-01..2043-06-30"] },
      { date: "2043-10-01", lines: ["fee 92 2043-07-01..2043-09-30"] },
      { date: "2044-01-01", lines: ["fee 92 2043-10-01..2043-12-31"] },
    ],
  },
  {
    title: "quarterly from January 10, in advance: 81 of Q1's 90 days, then whole quarters",
    subscriptionAt: "2043-01-10", feeCents: 9000n, payInAdvance: true, interval: "quarterly", fees: true,
    invoices: [
      { date: "2043-01-01", lines: ["fee 81 2043-01-01..2043-03-31"] },
      { date: "2043-04-01", lines: ["fee 90 2043-04-01..2043-06-30"] },
      { date: "2043-07-01", lines: ["fee 90 2043-07-01..2043-09-30"] },
      { date: "2043-10-01", lines: ["fee 90 2043-10-01..2043-12-31"] },
      { date: "2044-01-01", lines: ["fee 90 2044-01-01..2044-03-31"] },
    ],
  },
  {
    title: "monthly from the 15th, in advance: 17/31, then whole months; terminated on February 10, no fee after it",
    subscriptionAt: "2042-12-15", feeCents: 3100n, payInAdvance: true, terminated: "2043-02-10", fees: true,
    invoices: [
      { date: "2042-12-15", lines: ["fee 17 2042-12-15..2042-12-31"] },
      { date: "2043-01-01", lines: ["fee 31 2043-01-01..2043-01-31"] },
      { date: "2043-02-01", lines: ["fee 31 2043-02-01..2043-02-28"] },
      { date: "2043-03-01", lines: [] },
    ],
    // February 11 to 28 unused: 31.00 × 18/28.
    credits: [{ date: "2043-02-10", lines: ["19.93 Plan: unused days 2043-02-11 to 2043-02-28 (18 of 28)"] }],
  },
  {
    // The order starts on the 1st: Odoo's service dates are the calendar month, the amount Lago's share of it.
    title: "monthly from the 15th, in arrears: 17/31 with December's usage, January whole, then February's 10 days (10/28)",
    subscriptionAt: "2042-12-15", feeCents: 3100n, payInAdvance: false, terminated: "2043-02-10", units: 4,
    invoices: [
      { date: "2043-01-01", lines: ["fee 17 2042-12-01..2042-12-31", "usage 4 2042-12-01..2042-12-31"] },
      { date: "2043-02-01", lines: ["fee 31 2043-01-01..2043-01-31", "usage 0 2043-01-01..2043-01-31"] },
      { date: "2043-03-01", lines: ["fee 11.07 2043-02-01..2043-02-28", "usage 0 2043-02-01..2043-02-28"] },
    ],
  },
  {
    title: "monthly anniversary from the 15th, in advance: whole periods from its own day; terminated on February 10, no fee after it",
    subscriptionAt: "2042-12-15", feeCents: 3100n, payInAdvance: true, billingTime: "anniversary", terminated: "2043-02-10", fees: true,
    invoices: [
      { date: "2042-12-15", lines: ["fee 31 2042-12-15..2043-01-14"] },
      { date: "2043-01-15", lines: ["fee 31 2043-01-15..2043-02-14"] },
      { date: "2043-02-15", lines: [] },
    ],
    credits: [{ date: "2043-02-10", lines: ["4 Plan: unused days 2043-02-11 to 2043-02-14 (4 of 31)"] }],
  },
  {
    title: "monthly anniversary from the 15th, in arrears: a whole period, then the 27 of 31 days up to the termination",
    subscriptionAt: "2042-12-15", feeCents: 3100n, payInAdvance: false, billingTime: "anniversary", terminated: "2043-02-10", units: 4,
    invoices: [
      { date: "2043-01-15", lines: ["fee 31 2042-12-15..2043-01-14", "usage 4 2042-12-15..2043-01-14"] },
      { date: "2043-02-15", lines: ["fee 27 2043-01-15..2043-02-14", "usage 0 2043-01-15..2043-02-14"] },
    ],
  },
  {
    // Wednesday 3 December to Sunday: 5 of 7 days; terminated on Wednesday the 17th: 3.
    title: "weekly from a Wednesday, in arrears: 5/7, a whole week, then the final week's 3 days",
    subscriptionAt: "2042-12-03", feeCents: 700n, payInAdvance: false, interval: "weekly", terminated: "2042-12-17", fees: true,
    invoices: [
      { date: "2042-12-08", lines: ["fee 5 2042-12-01..2042-12-07"] },
      { date: "2042-12-15", lines: ["fee 7 2042-12-08..2042-12-14"] },
      { date: "2042-12-22", lines: ["fee 3 2042-12-15..2042-12-21"] },
    ],
  },
  {
    title: "weekly from a Wednesday, in advance: Odoo's first calendar week at Lago's 5/7, whole weeks, no fee after the termination",
    subscriptionAt: "2042-12-03", feeCents: 700n, payInAdvance: true, interval: "weekly", terminated: "2042-12-17", fees: true,
    invoices: [
      { date: "2042-12-01", lines: ["fee 5 2042-12-01..2042-12-07"] },
      { date: "2042-12-08", lines: ["fee 7 2042-12-08..2042-12-14"] },
      { date: "2042-12-15", lines: ["fee 7 2042-12-15..2042-12-21"] },
      { date: "2042-12-22", lines: [] },
    ],
    credits: [{ date: "2042-12-17", lines: ["4 Plan: unused days 2042-12-18 to 2042-12-21 (4 of 7)"] }],
  },
];

describeEachPeer("partial periods through the hub's push and Odoo's crons", (peer) => {
  let life: Awaited<ReturnType<typeof startLifecycleOn>>;
  const subs = new Map<Case, Awaited<ReturnType<typeof subscribe>>>();
  beforeAll(async () => {
    life = await startLifecycleOn({ firstDay: "2042-11-30", driver: hubDriver(peer()) });
    for (const c of cases) {
      const sub = await subscribe(life.db, {
        subscriptionAt: at(c.subscriptionAt), feeCents: c.feeCents, payInAdvance: c.payInAdvance, unitPrice: "1", currency: "USD",
        interval: c.interval, billingTime: c.billingTime,
      });
      if (c.units) await sub.send(c.units, at("2042-12-20"));
      subs.set(c, sub);
    }
    // Odoo's crons run only on the days something is due: a daily run on the real Odoo takes
    // minutes, and bills the same invoices on either peer.
    for (const day of [...new Set(cases.flatMap((c) => c.terminated ?? []))].sort()) {
      await life.runUntil(addDays(day, -1), { dueOnly: true });
      for (const [c, sub] of subs) {
        if (c.terminated === day) await terminateSubscription({ db: life.db, serviceId: sub.serviceId, externalId: sub.externalId, now: at(day, 12) });
      }
    }
    await life.runUntil("2044-01-03", { dueOnly: true });
  }, 900_000);
  afterAll(() => life?.stop());

  for (const c of cases) {
    it(c.title, async () => {
      const { invoices } = await invoicesOf(life.odoo, subs.get(c)!.orderRef);
      const seen = c.fees ? invoices.map((i) => ({ date: i.date, lines: i.lines.filter((l) => l.startsWith("fee ")) })) : invoices;
      expect(seen).toEqual(c.invoices);
      expect((await creditNotesOf(life.odoo, subs.get(c)!.orderRef)).map((note) => ({ date: note.date, lines: note.lines }))).toEqual(c.credits ?? []);
    });
  }
}, { needs: "subscriptions" });
