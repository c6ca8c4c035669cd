/** The fields a replay resets: due now, with a fresh retry window. */
export function replayedState(now: Date, retryWindowHours: number) {
  return {
    state: "pending" as const,
    nextRunAt: now,
    retryUntil: new Date(now.getTime() + retryWindowHours * 3_600_000),
    deadAt: null,
    deliveredAt: null,
  };
}
