import { describe, expect, it } from "vitest";
import type { Db } from "~/server/db/client";
import { recallEventReferences, rememberEventReferences, writeWithCachedReferences } from "./event-references-cache";

const subscription = (externalId: string, closedAt: Date | null = null) => ({
  id: `id-${externalId}`, externalId, accountLinkId: `link-${externalId}`, subscriptionAt: new Date("2026-11-01T00:00:00Z"), odooClosedAt: closedAt,
});
const metric = { code: "api_calls", aggregationType: "sum_agg" as const, fieldName: "units" };
const found = (externalIds: string[], billingMode: "live" | "shadow" | null = "live") => ({
  subscriptionByExternalId: new Map(externalIds.map((id) => [id, subscription(id)])),
  metricByCode: new Map([[metric.code, metric]]),
  billingMode,
});
const newDb = () => ({}) as Db;

describe("event references cache", () => {
  it("recalls only when every named subscription and metric was looked up, with the check of exactly those", () => {
    const db = newDb();
    rememberEventReferences(db, "svc", found(["a", "b"]));
    expect(recallEventReferences(db, "svc", ["a", "c"], ["api_calls"])).toBeNull();
    expect(recallEventReferences(db, "svc", ["a"], ["storage"])).toBeNull();
    expect(recallEventReferences(db, "other", ["a"], ["api_calls"])).toBeNull();
    expect(recallEventReferences(newDb(), "svc", ["a"], ["api_calls"])).toBeNull();
    const recalled = recallEventReferences(db, "svc", ["a"], ["api_calls"]);
    expect(recalled?.references.subscriptionByExternalId.get("a")).toEqual(subscription("a"));
    expect(recalled?.check).toEqual({
      billing_mode: "live",
      subscriptions: [{ id: "id-a", external_id: "a", account_link_id: "link-a", subscription_at: "2026-11-01T00:00:00.000Z", odoo_closed_at: null }],
      metrics: [{ code: "api_calls", aggregation_type: "sum_agg", field_name: "units" }],
    });
  });

  it("keeps the latest lookup's fields and billing mode", () => {
    const db = newDb();
    rememberEventReferences(db, "svc", found(["a"]));
    const closed = new Date("2026-11-20T00:00:00Z");
    rememberEventReferences(db, "svc", { subscriptionByExternalId: new Map([["a", subscription("a", closed)]]), metricByCode: new Map(), billingMode: "shadow" });
    const recalled = recallEventReferences(db, "svc", ["a"], ["api_calls"]);
    expect(recalled?.references.billingMode).toBe("shadow");
    expect(recalled?.check.subscriptions[0]?.odoo_closed_at).toBe("2026-11-20T00:00:00.000Z");
  });

  it("keeps nothing for a service that does not exist", () => {
    const db = newDb();
    rememberEventReferences(db, "gone", found(["a"], null));
    expect(recallEventReferences(db, "gone", ["a"], ["api_calls"])).toBeNull();
  });

  it("keeps at most 20,000 subscriptions a service, dropping the least recently looked up", () => {
    const db = newDb();
    rememberEventReferences(db, "svc", found(Array.from({ length: 20_000 }, (_, i) => `s${i}`)));
    rememberEventReferences(db, "svc", found(["s0", "new"]));
    expect(recallEventReferences(db, "svc", ["s0", "new", "s2"], ["api_calls"])).not.toBeNull();
    expect(recallEventReferences(db, "svc", ["s1"], ["api_calls"])).toBeNull();
  });

  it("forgets the service when the write found its references stale, and passes any other error on", async () => {
    const db = newDb();
    const names = { subscriptionIds: ["a"], codes: ["api_calls"] };
    rememberEventReferences(db, "svc", found(["a"]));
    const stale = new Error("ERROR: usage references changed since they were cached");
    expect(await writeWithCachedReferences(db, "svc", names, () => Promise.reject(stale))).toBeNull();
    expect(recallEventReferences(db, "svc", ["a"], ["api_calls"])).toBeNull();
    rememberEventReferences(db, "svc", found(["a"]));
    await expect(writeWithCachedReferences(db, "svc", names, () => Promise.reject(new Error("connection reset")))).rejects.toThrow("connection reset");
    expect(recallEventReferences(db, "svc", ["a"], ["api_calls"])).not.toBeNull();
  });

  it("writes with cached references only for a live service whose names are all cached, and keeps them when the write declines", async () => {
    const db = newDb();
    const names = { subscriptionIds: ["a"], codes: ["api_calls"] };
    const calls: string[] = [];
    const write = async (references: { billingMode: string | null }, check: { billing_mode: string }) => (calls.push(`${references.billingMode}/${check.billing_mode}`), "stored");
    expect(await writeWithCachedReferences(db, "svc", names, write)).toBeNull();
    rememberEventReferences(db, "svc", found(["a"], "shadow"));
    expect(await writeWithCachedReferences(db, "svc", names, write)).toBeNull();
    rememberEventReferences(db, "svc", found(["a"]));
    expect(await writeWithCachedReferences(db, "svc", { ...names, subscriptionIds: ["a", "b"] }, write)).toBeNull();
    expect(await writeWithCachedReferences(db, "svc", names, write)).toBe("stored");
    expect(calls).toEqual(["live/live"]);
    expect(await writeWithCachedReferences(db, "svc", names, async () => null)).toBeNull();
    expect(recallEventReferences(db, "svc", ["a"], ["api_calls"])).not.toBeNull();
  });
});
