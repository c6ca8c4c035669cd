import { type BillingTime, billingPeriodAt, gridPeriodAt, type PlanInterval } from "./billing-period";

const DAY_MS = 86_400_000;
const dayOf = (instant: Date) => Math.floor(instant.getTime() / DAY_MS);

/**
 * The subscription fee Lago bills for the hub period holding `at`, in minor units: the plan
 * amount × days billed / days in the whole period (Lago's `single_day_price`, whose
 * duration is the calendar month, quarter or year — `Time.days_in_year` — or the
 * anniversary period). A calendar subscription's first period counts from its start day;
 * a terminated one's last period up to and including its termination day, as Lago's
 * termination invoice does. Rounded half up to the minor unit.
 */
export function proratedFeeCents(input: {
  amountCents: bigint;
  interval: PlanInterval;
  billingTime: BillingTime;
  subscriptionAt: Date;
  terminatedAt: Date | null;
  at: Date;
}): bigint {
  const query = { interval: input.interval, billingTime: input.billingTime, subscriptionAt: input.subscriptionAt, at: input.at };
  const whole = gridPeriodAt(query);
  const period = billingPeriodAt(query);
  const firstDay = dayOf(period.start);
  let endDay = dayOf(period.end);
  if (input.terminatedAt && input.terminatedAt < period.end) endDay = Math.min(endDay, dayOf(input.terminatedAt) + 1);
  const days = BigInt(Math.max(0, endDay - firstDay));
  const wholeDays = BigInt(dayOf(whole.end) - dayOf(whole.start));
  if (days === wholeDays) return input.amountCents;
  return (input.amountCents * days * 2n + wholeDays) / (2n * wholeDays);
}
