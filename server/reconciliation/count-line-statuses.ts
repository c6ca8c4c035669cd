import { LINE_STATUSES, type LineStatus } from "./line-status";

/** Per-status counts of a run, every status present (zero when unseen) so totals columns are never null. */
export function countLineStatuses(lines: ReadonlyArray<{ status: LineStatus }>): Record<LineStatus, number> {
  const counts = Object.fromEntries(LINE_STATUSES.map((status) => [status, 0])) as Record<LineStatus, number>;
  for (const line of lines) counts[line.status] += 1;
  return counts;
}
