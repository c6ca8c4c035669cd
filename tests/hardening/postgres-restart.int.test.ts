import { afterAll, describe, expect, it } from "vitest";
import { applyMigrations } from "~/server/db/migrate";
import { type RunningApp, startApp } from "../support/app-server";
import { type Attempt, streamThroughFault } from "./event-stream";
import { startPrivatePostgres } from "./private-postgres";

/**
 * PostgreSQL restarts under load: while it is down the API answers Lago-shaped 503s
 * with retry-after (never a 500, which reads as a bug and is not retried by everyone),
 * nothing it acknowledged is lost, and ingestion resumes by itself once it is back.
 */
describe("PostgreSQL restarted during ingestion", () => {
  const cleanup: Array<() => Promise<void>> = [];
  afterAll(async () => {
    for (const step of cleanup.reverse()) await step();
  });

  it("answers 503 while the database is down and loses nothing acknowledged", async (context) => {
    const postgres = await startPrivatePostgres();
    if ("unavailable" in postgres) {
      console.error(`\n${"!".repeat(78)}\n!! SKIPPED the PostgreSQL restart test: ${postgres.unavailable}\n${"!".repeat(78)}\n`);
      context.skip();
      return;
    }
    cleanup.push(postgres.destroy);
    await applyMigrations(postgres.url);
    const app: RunningApp = await startApp({ DATABASE_URL: postgres.url });
    cleanup.push(app.stop);
    const stream = await streamThroughFault({
      baseUrl: () => app.baseUrl,
      databaseUrl: postgres.url,
      count: 40, size: 25, concurrency: 4, deadlineMs: 60_000,
      cleanup,
      fault: {
        afterAcknowledged: 8,
        run: async () => {
          await postgres.stop();
          await new Promise((resolve) => setTimeout(resolve, 1_500));
          await postgres.start();
        },
      },
    });

    const unavailable = stream.attempts.filter((attempt) => attempt.status === 503);
    const unexpected = stream.attempts.filter((attempt) => attempt.status !== 200 && attempt.status !== 503);
    expect(unexpected, "only 200s and 503s").toEqual([] as Attempt[]);
    expect(unavailable.length, "the outage was seen by clients").toBeGreaterThan(0);
    for (const attempt of unavailable) {
      expect(attempt).toEqual({ status: 503, body: { status: 503, error: "Service Unavailable" }, retryAfter: "1" });
    }
    expect(await stream.stored()).toEqual({ rows: 40 * 25, units: stream.sentUnits });
  });
});
