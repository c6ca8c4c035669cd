/** Calendar helpers on "YYYY-MM-DD" strings (UTC, no time zone drift). */

export type PeriodUnit = "week" | "month" | "year";

/**
 * dateutil.relativedelta semantics, as sale_subscription uses for next_invoice_date:
 * adding months clamps to the last day of the target month (Jan 31 + 1 month = Feb 28).
 */
export function addPeriod(date: string, value: number, unit: PeriodUnit): string {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  if (unit === "week") {
    const t = new Date(Date.UTC(y, m - 1, d + 7 * value));
    return t.toISOString().slice(0, 10);
  }
  const months = unit === "year" ? 12 * value : value;
  const total = y * 12 + (m - 1) + months;
  const ny = Math.floor(total / 12);
  const nm = total % 12;
  const lastDay = new Date(Date.UTC(ny, nm + 1, 0)).getUTCDate();
  return new Date(Date.UTC(ny, nm, Math.min(d, lastDay))).toISOString().slice(0, 10);
}

export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

export function todayUtc(): string {
  return new Date().toISOString().slice(0, 10);
}
