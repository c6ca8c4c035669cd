import { env } from "~/server/env";

/** The fields a replay resets: due now, with a fresh retry window. */
export function replayedState(now: Date) {
  return {
    state: "pending" as const,
    nextRunAt: now,
    retryUntil: new Date(now.getTime() + env().WEBHOOK_RETRY_WINDOW_HOURS * 3_600_000),
    deadAt: null,
    deliveredAt: null,
  };
}
