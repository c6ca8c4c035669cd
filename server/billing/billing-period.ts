/**
 * Billing periods: half-open UTC intervals [start, end).
 * - calendar: aligned on calendar boundaries (weeks start on Monday, quarters in
 *   Jan/Apr/Jul/Oct, half-years in Jan/Jul); the first period starts at the
 *   subscription instant (Lago prorates it).
 * - anniversary: aligned on the subscription's UTC date; a month-based anchor on the
 *   29th–31st is clamped to the last day of shorter months, as Lago does.
 */
export type PlanInterval = "weekly" | "monthly" | "quarterly" | "semiannual" | "yearly";
export type BillingTime = "calendar" | "anniversary";

export interface BillingPeriod {
  start: Date;
  end: Date;
}

const DAY_MS = 86_400_000;
const MONTHS_PER_PERIOD: Record<Exclude<PlanInterval, "weekly">, number> = {
  monthly: 1,
  quarterly: 3,
  semiannual: 6,
  yearly: 12,
};

const utcMidnight = (instant: Date) =>
  new Date(Date.UTC(instant.getUTCFullYear(), instant.getUTCMonth(), instant.getUTCDate()));

function daysInMonth(year: number, monthIndex: number): number {
  return new Date(Date.UTC(year, monthIndex + 1, 0)).getUTCDate();
}

/** The anchor date moved by whole months, its day clamped to the target month's length. */
function addMonthsClamped(anchor: Date, months: number): Date {
  const total = anchor.getUTCFullYear() * 12 + anchor.getUTCMonth() + months;
  const year = Math.floor(total / 12);
  const monthIndex = total - year * 12;
  const day = Math.min(anchor.getUTCDate(), daysInMonth(year, monthIndex));
  return new Date(Date.UTC(year, monthIndex, day));
}

function monthsBetween(from: Date, to: Date): number {
  return (to.getUTCFullYear() - from.getUTCFullYear()) * 12 + (to.getUTCMonth() - from.getUTCMonth());
}

/** The un-truncated period containing `at`, for a grid of `stepMonths` months anchored on `anchor`. */
function monthGridPeriod(anchor: Date, stepMonths: number, at: Date): BillingPeriod {
  let steps = Math.floor(monthsBetween(anchor, at) / stepMonths);
  let start = addMonthsClamped(anchor, steps * stepMonths);
  if (start > at) start = addMonthsClamped(anchor, --steps * stepMonths);
  let end = addMonthsClamped(anchor, (steps + 1) * stepMonths);
  while (end <= at) {
    steps++;
    start = end;
    end = addMonthsClamped(anchor, (steps + 1) * stepMonths);
  }
  return { start, end };
}

function weekGridPeriod(anchor: Date, at: Date): BillingPeriod {
  const weeks = Math.floor((at.getTime() - anchor.getTime()) / (7 * DAY_MS));
  const start = new Date(anchor.getTime() + weeks * 7 * DAY_MS);
  return { start, end: new Date(start.getTime() + 7 * DAY_MS) };
}

function gridAnchor(interval: PlanInterval, billingTime: BillingTime, subscriptionAt: Date): Date {
  const day = utcMidnight(subscriptionAt);
  if (billingTime === "anniversary") return day;
  if (interval === "weekly") {
    const sinceMonday = (day.getUTCDay() + 6) % 7;
    return new Date(day.getTime() - sinceMonday * DAY_MS);
  }
  // Calendar month grids are anchored on 1 January so quarters and halves line up.
  return new Date(Date.UTC(day.getUTCFullYear(), 0, 1));
}

type PeriodQuery = { interval: PlanInterval; billingTime: BillingTime; subscriptionAt: Date; at: Date };

/**
 * The whole grid period containing `at`: for a calendar subscription's first period, the
 * full calendar month (week, quarter…) it falls in, not truncated to the subscription start.
 */
export function gridPeriodAt(options: PeriodQuery): BillingPeriod {
  const { interval, billingTime, subscriptionAt, at } = options;
  const anchor = gridAnchor(interval, billingTime, subscriptionAt);
  return interval === "weekly" ? weekGridPeriod(anchor, at) : monthGridPeriod(anchor, MONTHS_PER_PERIOD[interval], at);
}

/**
 * The billing period of a subscription that contains instant `at`.
 * Throws if `at` precedes the subscription: there is no period then.
 */
export function billingPeriodAt(options: PeriodQuery): BillingPeriod {
  if (options.at < options.subscriptionAt) throw new RangeError("instant precedes the subscription start");
  const period = gridPeriodAt(options);
  return { start: period.start < options.subscriptionAt ? options.subscriptionAt : period.start, end: period.end };
}
