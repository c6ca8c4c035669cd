import { randomUUID } from "node:crypto";
import type { Db } from "~/server/db/client";
import { claimLagoForwards } from "./claim-lago-forwards";
import { type ForwardOutcome, sendLagoForward } from "./send-lago-forward";

/**
 * Sends every due forward to the Lago of its service, a batch at a time (one forward per
 * customer, in parallel), until none is due or `maxForwards` is reached. `now` simulates
 * the clock (tests: a Lago back after hours). Run by the lago-forward schedule.
 */
export async function drainLagoForwards(options: {
  db: Db;
  sealingKey: Buffer;
  maxAttempts: number;
  now?: Date;
  batchSize?: number;
  maxForwards?: number;
  timeoutMs?: number;
  random?: () => number;
  /** Once aborted (a stopping worker) no further batch is claimed; the one being sent finishes. */
  signal?: AbortSignal;
}): Promise<Record<ForwardOutcome, number>> {
  const { db } = options;
  const batchSize = options.batchSize ?? 20;
  const maxForwards = options.maxForwards ?? 1000;
  const timeoutMs = options.timeoutMs ?? 30_000;
  const owner = randomUUID();
  const totals: Record<ForwardOutcome, number> = { delivered: 0, retrying: 0, dead: 0 };
  for (let sent = 0; sent < maxForwards && !options.signal?.aborted; ) {
    const now = options.now ?? new Date();
    // The lease outlives the HTTP timeout (and a slow settle) so one forward is never in flight twice at once.
    const claimed = await claimLagoForwards({ db, now, limit: Math.min(batchSize, maxForwards - sent), leaseMs: 2 * timeoutMs, owner });
    if (!claimed.length) break;
    const outcomes = await Promise.all(
      claimed.map((forward) => sendLagoForward({ db, forward, owner, now, sealingKey: options.sealingKey, maxAttempts: options.maxAttempts, timeoutMs, random: options.random })),
    );
    for (const outcome of outcomes) totals[outcome]++;
    sent += claimed.length;
  }
  return totals;
}
