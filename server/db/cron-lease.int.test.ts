import { describe, expect, it } from "vitest";
import { testDb } from "~/tests/support/fixtures";
import { acquireLease } from "./cron-lease";

describe("acquireLease on PostgreSQL", () => {
  it("lets exactly one of many racers take a lease, and takes it back after expiry", async () => {
    const db = await testDb();
    const name = `lease-${Date.now()}`;
    const now = new Date();
    const results = await Promise.all(Array.from({ length: 8 }, (_, i) => acquireLease({ db, name, owner: `o${i}`, ttlMs: 60_000, now })));
    expect(results.filter(Boolean)).toHaveLength(1);
    expect(await acquireLease({ db, name, owner: "late", ttlMs: 60_000, now: new Date(now.getTime() + 61_000) })).toBe(true);
  });
});
