import { describe, expect, it } from "vitest";
import { createSharedRateLimiter, type RateLimitStore, reservationChunk } from "./shared-rate-limiter";

/** One store shared by several limiters (processes), counting its round trips. */
function memoryStore() {
  const totals = new Map<string, number>();
  let calls = 0;
  let failing = false;
  const store: RateLimitStore = {
    reserve: async ({ key, windowStart, amount }) => {
      calls++;
      if (failing) throw new Error("store down");
      const name = `${key}@${windowStart}`;
      const total = (totals.get(name) ?? 0) + amount;
      totals.set(name, total);
      return total;
    },
  };
  return { store, calls: () => calls, fail: (value: boolean) => (failing = value) };
}

const take = async (limiter: { take: (key: string) => unknown }, key = "svc") => (await limiter.take(key)) as { allowed: boolean; remaining: number; resetSeconds: number };

describe("reservationChunk", () => {
  it.each([
    [1, 1],
    [5, 1],
    [200, 1],
    [201, 2],
    [6000, 30],
    [100_000, 50],
  ])("limit %i → chunks of %i", (limit, chunk) => expect(reservationChunk(limit)).toBe(chunk));
});

describe("createSharedRateLimiter", () => {
  it("lets N processes together admit exactly the limit, never more", async () => {
    const { store } = memoryStore();
    const time = 60_000;
    const processes = Array.from({ length: 3 }, () => createSharedRateLimiter({ limit: 600, windowSeconds: 60, store, now: () => time }));
    const decisions = await Promise.all(Array.from({ length: 900 }, (_, i) => take(processes[i % 3]!)));
    const admitted = decisions.filter((d) => d.allowed).length;
    // Slack is on the refusing side only: quota reserved by a process and not used.
    expect(admitted).toBeLessThanOrEqual(600);
    expect(admitted).toBeGreaterThanOrEqual(600 - 3 * 1.5 * reservationChunk(600));
  });

  it("answers from local quota: one round trip per chunk, not per request", async () => {
    const { store, calls } = memoryStore();
    const limiter = createSharedRateLimiter({ limit: 6000, windowSeconds: 60, store, now: () => 0 });
    for (let i = 0; i < 300; i++) await take(limiter);
    // 300 requests in chunks of 30 (plus the one prefetched ahead).
    expect(calls()).toBeLessThanOrEqual(11);
    const synchronous = limiter.take("svc");
    expect(synchronous).not.toBeInstanceOf(Promise);
  });

  it("refuses once the shared total is spent, and starts over in the next window", async () => {
    const { store } = memoryStore();
    let time = 0;
    const a = createSharedRateLimiter({ limit: 2, windowSeconds: 10, store, now: () => time });
    const b = createSharedRateLimiter({ limit: 2, windowSeconds: 10, store, now: () => time });
    expect((await take(a)).allowed).toBe(true);
    expect((await take(b)).allowed).toBe(true);
    expect(await take(a)).toMatchObject({ allowed: false, remaining: 0, resetSeconds: 10 });
    expect((await take(b)).allowed).toBe(false);
    time = 10_000;
    expect((await take(b)).allowed).toBe(true);
  });

  it("counts each key on its own", async () => {
    const { store } = memoryStore();
    const limiter = createSharedRateLimiter({ limit: 1, windowSeconds: 60, store, now: () => 0 });
    expect((await take(limiter, "a")).allowed).toBe(true);
    expect((await take(limiter, "b")).allowed).toBe(true);
    expect((await take(limiter, "a")).allowed).toBe(false);
  });

  it("counts alone, up to the limit, while the store fails", async () => {
    const { store, fail } = memoryStore();
    const errors: unknown[] = [];
    const limiter = createSharedRateLimiter({ limit: 3, windowSeconds: 60, store, now: () => 0, onStoreError: (error) => errors.push(error) });
    fail(true);
    const decisions = [];
    for (let i = 0; i < 5; i++) decisions.push((await take(limiter)).allowed);
    expect(decisions).toEqual([true, true, true, false, false]);
    expect(errors.length).toBeGreaterThan(0);
  });

  it("reports what is left across processes in x-ratelimit-remaining", async () => {
    const { store } = memoryStore();
    const a = createSharedRateLimiter({ limit: 10, windowSeconds: 60, store, now: () => 0 });
    const b = createSharedRateLimiter({ limit: 10, windowSeconds: 60, store, now: () => 0 });
    for (let i = 0; i < 4; i++) await take(a);
    const seen = await take(b);
    // a reserved 4 of 10 (chunks of 1), b one more.
    expect(seen.remaining).toBe(5);
  });
});
