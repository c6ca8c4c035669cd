/** A UTC calendar month, half-open `[start, end)`: the window a shadow service is reconciled by. */
export interface MonthWindow {
  start: Date;
  end: Date;
}

/**
 * How long after a month ends its reconciliation waits. Lago issues a period's invoices on
 * the billing day and may hold them as drafts for the organization's grace period; a day
 * lets the invoices of a grace-free month be issued and then imported by a delta run.
 */
export const RECONCILE_SETTLE_MS = 24 * 60 * 60_000;

/** The months reconciled back from now at most: older ones no longer weigh on the gate. */
export const RECONCILE_MONTHS_BACK = 12;

const monthStart = (instant: Date, add = 0) => new Date(Date.UTC(instant.getUTCFullYear(), instant.getUTCMonth() + add, 1));

/**
 * The closed months of a shadow service that a scheduled run should reconcile now, oldest
 * first, without I/O: every month since the service's first subscription began (at most
 * RECONCILE_MONTHS_BACK), settled by `now`, whose Lago invoices a succeeded import has
 * read after it settled (`importedAt`), and that no run created after it settled has
 * reconciled (`runs`: the service's runs queued, running or succeeded; a failed one does
 * not count, so the next scheduled run tries again). A run from before the month settled
 * may have missed its invoices, so it does not count either.
 */
export function dueReconciliationWindows(options: {
  firstSubscriptionAt: Date | null;
  importedAt: Date | null;
  now: Date;
  runs: ReadonlyArray<MonthWindow & { createdAt: Date }>;
}): MonthWindow[] {
  const { firstSubscriptionAt, importedAt, now } = options;
  if (!firstSubscriptionAt || !importedAt) return [];
  const settledBy = importedAt < now ? importedAt : now;
  const earliest = monthStart(now, -RECONCILE_MONTHS_BACK);
  const settledRuns = options.runs.filter((run) => run.createdAt.getTime() >= run.end.getTime() + RECONCILE_SETTLE_MS);
  const done = new Set(settledRuns.map((run) => `${run.start.getTime()}/${run.end.getTime()}`));
  const due: MonthWindow[] = [];
  for (let start = firstSubscriptionAt > earliest ? monthStart(firstSubscriptionAt) : earliest; ; start = monthStart(start, 1)) {
    const end = monthStart(start, 1);
    if (end.getTime() + RECONCILE_SETTLE_MS > settledBy.getTime()) break;
    if (!done.has(`${start.getTime()}/${end.getTime()}`)) due.push({ start, end });
  }
  return due;
}
