import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { reservationChunk } from "~/server/http/shared-rate-limiter";
import { generateApiKey } from "~/server/services/api-key";
import { type RunningApp, startApp } from "../support/app-server";
import { apiClient, createTestService, testDb } from "../support/fixtures";

/**
 * Two app processes side by side on the suite's database, as two instances behind a load
 * balancer: the API rate limit is one budget for both (in PostgreSQL, then in Redis), and
 * a key disabled or rotated anywhere stops working on both within a second.
 */
const LIMIT = 300;
// An hour-long window: the test never straddles two (see waitForRoomInWindow).
const WINDOW_SECONDS = 3600;
const REDIS_URL = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379/0";

async function startPair(env: Record<string, string>): Promise<RunningApp[]> {
  const settings = { DATABASE_URL: inject("databaseUrl"), API_RATE_LIMIT_PER_MINUTE: String(LIMIT), API_RATE_LIMIT_WINDOW_SECONDS: String(WINDOW_SECONDS), ...env };
  return Promise.all([startApp(settings), startApp(settings)]);
}

async function waitForRoomInWindow(): Promise<void> {
  const intoWindow = Date.now() % (WINDOW_SECONDS * 1000);
  if (intoWindow > WINDOW_SECONDS * 1000 - 60_000) await new Promise((resolve) => setTimeout(resolve, WINDOW_SECONDS * 1000 - intoWindow + 100));
}

/** 1.5 × the limit of requests, alternating between the instances, 20 at a time. */
async function burst(apps: RunningApp[], apiKey: string): Promise<Record<number, number>> {
  const clients = apps.map((app) => apiClient(apiKey, app.baseUrl));
  const statuses: Record<number, number> = {};
  const total = LIMIT * 1.5;
  for (let sent = 0; sent < total; sent += 20) {
    const answers = await Promise.all(Array.from({ length: Math.min(20, total - sent) }, (_, i) => clients[(sent + i) % clients.length]!.get("/customers?per_page=1")));
    for (const answer of answers) statuses[answer.status] = (statuses[answer.status] ?? 0) + 1;
  }
  return statuses;
}

async function redisAvailable(): Promise<boolean> {
  const { Redis } = await import("ioredis");
  const client = new Redis(REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 0, connectTimeout: 1000 });
  try {
    await client.connect();
    return (await client.ping()) === "PONG";
  } catch {
    return false;
  } finally {
    client.disconnect();
  }
}

describe.each([
  { store: "PostgreSQL", env: {} as Record<string, string> },
  { store: "Redis", env: { REDIS_URL } },
])("two instances sharing the rate limit in $store", ({ store, env }) => {
  let apps: RunningApp[] = [];
  beforeAll(async () => {
    if (store === "Redis" && !(await redisAvailable())) {
      // Redis runs on this project's machines and in CI (.ci/run starts it when missing).
      throw new Error(`Redis is not reachable at ${REDIS_URL} (set TEST_REDIS_URL)`);
    }
    apps = await startPair(env);
  });
  afterAll(async () => {
    await Promise.all(apps.map((app) => app.stop()));
  });

  it("admits at most the limit across both, with slack only on the refusing side", async () => {
    await waitForRoomInWindow();
    const { apiKey } = await createTestService("ratelimit");
    const statuses = await burst(apps, apiKey);
    const admitted = statuses[200] ?? 0;
    expect(admitted + (statuses[429] ?? 0)).toBe(LIMIT * 1.5);
    expect(admitted).toBeLessThanOrEqual(LIMIT);
    // Quota a process reserved and did not use is the only slack: 1.5 chunks per process at most.
    expect(admitted).toBeGreaterThanOrEqual(LIMIT - apps.length * 1.5 * reservationChunk(LIMIT));
  });

  if (store === "PostgreSQL") {
    it("stops a disabled key on the other instance within a second, and a rotated one too", async () => {
      const db = await testDb();
      const { service, apiKey } = await createTestService("revoke");
      const [a, b] = apps.map((app) => apiClient(apiKey, app.baseUrl));
      expect((await a!.get("/customers")).status).toBe(200);
      expect((await b!.get("/customers")).status).toBe(200);

      // Disabled "on instance A" (the database is what A's console writes), seen by B:
      const revokedWithin = async () => {
        const started = Date.now();
        for (;;) {
          const { status } = await b!.get("/customers?per_page=1");
          if (status === 401) return Date.now() - started;
          if (Date.now() - started > 5_000) throw new Error("the key still works after 5 s");
        }
      };
      await db.service.update({ where: { id: service.id }, data: { active: false } });
      const disabledAfter = await revokedWithin();
      expect(disabledAfter).toBeLessThan(1_000);

      await db.service.update({ where: { id: service.id }, data: { active: true } });
      expect((await b!.get("/customers")).status).toBe(200);
      const rotated = generateApiKey();
      await db.service.update({ where: { id: service.id }, data: { apiKeyHash: rotated.hash, apiKeyPrefix: rotated.displayPrefix } });
      const rotatedAfter = await revokedWithin();
      expect(rotatedAfter).toBeLessThan(1_000);
      expect((await apiClient(rotated.plaintext, apps[1]!.baseUrl).get("/customers")).status).toBe(200);
      console.log(`key revocation seen by the other instance after ${disabledAfter} ms (disabled), ${rotatedAfter} ms (rotated)`);
    });
  }
});
