import { afterAll, describe, expect, it } from "vitest";
import { createTestDatabase, type RunningApp, startApp } from "../support/app-server";
import { streamThroughFault } from "./event-stream";

/**
 * Crash safety: the server dies with SIGKILL (no shutdown hooks, requests in flight)
 * while batches stream in; clients retry every batch that got no 200 against the
 * restarted server. Each event must be stored exactly once: none lost, none doubled.
 */
describe("server killed mid-stream", () => {
  const cleanup: Array<() => Promise<void>> = [];
  afterAll(async () => {
    for (const step of cleanup.reverse()) await step();
  });

  it("stores every event exactly once after a SIGKILL and restart", async () => {
    const database = await createTestDatabase("nexa_kill");
    cleanup.push(database.drop);
    let app: RunningApp = await startApp({ DATABASE_URL: database.url });
    cleanup.push(() => app.stop());
    const stream = await streamThroughFault({
      baseUrl: () => app.baseUrl,
      databaseUrl: database.url,
      count: 60, size: 50, concurrency: 6, deadlineMs: 90_000,
      cleanup,
      // A third of the stream in, with other batches in flight: kill the whole process group.
      fault: {
        afterAcknowledged: 20,
        run: async () => {
          const exited = new Promise((resolve) => app.process.once("exit", resolve));
          process.kill(-app.process.pid!, "SIGKILL");
          await exited;
          app = await startApp({ DATABASE_URL: database.url });
        },
      },
    });

    expect(stream.attempts.some((attempt) => attempt.status === "network"), "clients saw the server go away").toBe(true);
    expect(stream.attempts.filter((attempt) => attempt.status !== 200 && attempt.status !== "network")).toEqual([]);
    expect(await stream.stored()).toEqual({ rows: 60 * 50, units: stream.sentUnits });
  });
});
