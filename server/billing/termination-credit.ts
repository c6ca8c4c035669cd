import { type BillingPeriod, type BillingTime, billingPeriodAt, gridPeriodAt, type PlanInterval } from "./billing-period";

const DAY_MS = 86_400_000;
const dayOf = (instant: Date) => Math.floor(instant.getTime() / DAY_MS);

export interface TerminationCredit {
  amountCents: bigint;
  /** The unused days, half-open: from the day after the termination day to the period's end. */
  unused: BillingPeriod;
  unusedDays: number;
  periodDays: number;
}

/**
 * What Lago credits when a pay-in-advance subscription ends before its period does
 * (`CreditNotes::CreateFromTermination`): the plan amount's day price (amount / days in the
 * whole period, as proratedFeeCents counts them) × the days after the termination day up
 * to the period's end, rounded half up to the minor unit, and never more than the fee
 * billed for that period (`billedCents`) less what was already credited on it. The
 * termination day itself is used, as Lago's termination invoice counts it. Null when
 * nothing is left to credit (ended on the period's last day, or the fee was not billed).
 */
export function terminationCredit(input: {
  amountCents: bigint;
  interval: PlanInterval;
  billingTime: BillingTime;
  subscriptionAt: Date;
  terminatedAt: Date;
  billedCents: bigint;
  alreadyCreditedCents?: bigint;
}): TerminationCredit | null {
  const query = { interval: input.interval, billingTime: input.billingTime, subscriptionAt: input.subscriptionAt, at: input.terminatedAt };
  const whole = gridPeriodAt(query);
  const period = billingPeriodAt(query);
  const periodDays = dayOf(whole.end) - dayOf(whole.start);
  const unusedFrom = (dayOf(input.terminatedAt) + 1) * DAY_MS;
  const unusedDays = Math.max(0, dayOf(period.end) - dayOf(new Date(unusedFrom)));
  if (unusedDays === 0 || periodDays <= 0) return null;
  const prorated = (input.amountCents * BigInt(unusedDays) * 2n + BigInt(periodDays)) / (2n * BigInt(periodDays));
  const left = input.billedCents - (input.alreadyCreditedCents ?? 0n);
  const amountCents = prorated < left ? prorated : left;
  if (amountCents <= 0n) return null;
  return { amountCents, unused: { start: new Date(unusedFrom), end: period.end }, unusedDays, periodDays };
}
