import { describe, expect, it } from "vitest";
import { createDb } from "~/server/db/client";
import { inject } from "vitest";
import { createBillingSetup, createTestService, testDb } from "~/tests/support/fixtures";
import { claimJobs } from "./claim-jobs";

describe("claimJobs on PostgreSQL", () => {
  it("gives concurrent workers disjoint jobs (FOR UPDATE SKIP LOCKED)", async () => {
    const { api } = await createTestService();
    const setup = await createBillingSetup(api);
    const db = await testDb();
    const subscription = await db.subscription.findFirstOrThrow({ where: { externalId: setup.subscriptionId } });
    const now = new Date();
    await db.job.createMany({
      data: Array.from({ length: 60 }, (_, i) => ({
        subscriptionId: subscription.id, metricCode: `m${i}`, periodStart: new Date(0), periodEnd: new Date(1), nextRunAt: new Date(now.getTime() - 1000),
      })),
    });
    // Separate pools, so the claims really run on different connections at once.
    const workers = await Promise.all(Array.from({ length: 4 }, () => createDb(inject("databaseUrl"), { poolSize: 1 })));
    try {
      const claims = await Promise.all(workers.map(({ db: worker }, i) => claimJobs({ db: worker, kind: "usage_push", owner: `w${i}`, limit: 20, leaseMs: 60_000, now })));
      const mine = claims.map((jobs) => jobs.filter((job) => job.subscriptionId === subscription.id).map((job) => job.id));
      const all = mine.flat();
      expect(new Set(all).size).toBe(all.length);
      expect(all.length).toBe(60);
      const stored = await db.job.findMany({ where: { subscriptionId: subscription.id } });
      expect(stored.every((job) => job.state === "running" && job.leaseOwner !== null)).toBe(true);
    } finally {
      await Promise.all(workers.map((worker) => worker.close()));
    }
  });
});
