import { describe, expect, it } from "vitest";
import { createTestService, testDb, uniqueCode } from "~/tests/support/fixtures";
import { aggregateUsage } from "./aggregate-usage";
import { checkRollups } from "./check-rollups";
import { getDailyUnits } from "./get-daily-units";

// Deterministic PRNG so a failure replays exactly.
function mulberry32(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface SentEvent { ts: number; v: number; user: string; tx: string; batch: number }

/** What each aggregation must be, computed the obvious way from the events sent. */
function oracle(events: SentEvent[], from: number, to: number) {
  const inside = events.filter((e) => e.ts >= from && e.ts < to);
  // Latest: the greatest timestamp; among equals the later batch, then the greater transaction id.
  const latest = [...inside].sort((a, b) => b.ts - a.ts || b.batch - a.batch || (a.tx < b.tx ? 1 : -1))[0];
  return {
    count_agg: String(inside.length),
    sum_agg: String(inside.reduce((s, e) => s + e.v, 0)),
    max_agg: String(inside.length ? Math.max(...inside.map((e) => e.v)) : 0),
    latest_agg: String(latest?.v ?? 0),
    unique_count_agg: String(new Set(inside.map((e) => e.user)).size),
  };
}

describe("aggregateUsage from hourly rollups + raw edges", () => {
  it("equals a naive aggregation over random ragged windows, and the drift check finds nothing", async () => {
    const seed = 20261124;
    const random = mulberry32(seed);
    const { api } = await createTestService("rollup");
    const kinds = [["count_agg", undefined], ["sum_agg", "v"], ["max_agg", "v"], ["latest_agg", "v"], ["unique_count_agg", "user"]] as const;
    const metrics: Array<{ aggregation: (typeof kinds)[number][0]; field: string | null; code: string; id: string }> = [];
    for (const [aggregation, field] of kinds) {
      const code = uniqueCode(aggregation);
      const created = await api.post("/billable_metrics", { billable_metric: { name: code, code, aggregation_type: aggregation, field_name: field } });
      metrics.push({ aggregation, field: field ?? null, code, id: created.body.billable_metric.lago_id as string });
    }
    const planCode = uniqueCode("plan");
    await api.post("/plans", { plan: { name: "P", code: planCode, interval: "monthly", amount_cents: 0, amount_currency: "CAD", charges: metrics.map((m) => ({ billable_metric_id: m.id, charge_model: "standard", properties: { amount: "1" } })) } });
    const subscriptionId = uniqueCode("sub");
    await api.post("/subscriptions", { subscription: { external_customer_id: uniqueCode("c"), plan_code: planCode, external_id: subscriptionId, subscription_at: "2020-01-01T00:00:00Z" } });

    // 400 events per metric over 3 days spanning a month boundary, many sharing a second.
    const start = Date.UTC(2026, 9, 30, 7, 0, 0);
    const span = 3 * 86_400_000;
    const events: SentEvent[] = Array.from({ length: 400 }, (_, i) => ({
      ts: start + Math.floor(random() * (span / 1000)) * 1000,
      v: Math.floor(random() * 100),
      user: `user-${Math.floor(random() * 25)}`,
      tx: `e-${i}`,
      batch: Math.floor(i / 20),
    }));
    for (let batch = 0; batch < 20; batch++) {
      const response = await api.post("/events/batch", {
        events: events.slice(batch * 20, batch * 20 + 20).flatMap((e) =>
          metrics.map((m) => ({ transaction_id: `${m.code}-${e.tx}`, external_subscription_id: subscriptionId, code: m.code, timestamp: e.ts / 1000, properties: { v: e.v, user: e.user } })),
        ),
      });
      expect(response.status).toBe(200);
    }

    const db = await testDb();
    const subscription = await db.subscription.findFirstOrThrow({ where: { externalId: subscriptionId } });
    const windows = [[start, start + span], [start - 3_600_000, start + span + 3_600_000]].concat(
      Array.from({ length: 25 }, () => {
        const a = start + Math.floor(random() * span);
        const b = start + Math.floor(random() * span);
        return [Math.min(a, b), Math.max(a, b) + 1];
      }),
    );
    for (const [from, to] of windows) {
      const expected = oracle(events, from!, to!);
      for (const metric of metrics) {
        const actual = await aggregateUsage({ db, subscriptionId: subscription.id, code: metric.code, aggregationType: metric.aggregation, fieldName: metric.field, from: new Date(from!), to: new Date(to!) });
        expect({ seed, window: [new Date(from!).toISOString(), new Date(to!).toISOString()], metric: metric.aggregation, units: actual.units })
          .toEqual({ seed, window: [new Date(from!).toISOString(), new Date(to!).toISOString()], metric: metric.aggregation, units: expected[metric.aggregation] });
      }
    }
    // Per UTC day, over a ragged period: each day holds what the oracle finds in that day's part of it.
    const DAY = 86_400_000;
    const [periodFrom, periodTo] = [start + 5_400_017, start + span - 1_234_567];
    for (const metric of metrics) {
      const days = await getDailyUnits({ db, subscriptionId: subscription.id, code: metric.code, aggregationType: metric.aggregation, fieldName: metric.field, from: new Date(periodFrom), to: new Date(periodTo) });
      const expected = [];
      for (let day = Math.floor(periodFrom / DAY) * DAY; day < periodTo; day += DAY) {
        const inside = oracle(events, Math.max(day, periodFrom), Math.min(day + DAY, periodTo));
        expected.push({ day: new Date(day).toISOString().slice(0, 10), units: inside[metric.aggregation], eventsCount: Number(inside.count_agg) });
      }
      expect({ seed, metric: metric.aggregation, days }).toEqual({ seed, metric: metric.aggregation, days: expected });
    }
    const drift = (await checkRollups({ db })).filter((d) => d.subscriptionId === subscription.id);
    expect(drift).toEqual([]);
  });

  it("reads only the partitions of the months asked for", async () => {
    const db = await testDb();
    await db.$executeRaw`SELECT ensure_usage_event_partition('2026-10-15T00:00:00Z'::timestamptz)`;
    await db.$executeRaw`SELECT ensure_usage_event_partition('2026-11-15T00:00:00Z'::timestamptz)`;
    const plan = await db.$queryRawUnsafe<Array<{ "QUERY PLAN": string }>>(
      `EXPLAIN SELECT count(*) FROM usage_events WHERE "timestamp" >= '2026-11-02T00:00:00Z' AND "timestamp" < '2026-11-03T00:00:00Z'`,
    );
    const text = plan.map((row) => row["QUERY PLAN"]).join("\n");
    expect(text).toContain("usage_events_p202611");
    expect(text).not.toContain("usage_events_p202610");
  });
});
