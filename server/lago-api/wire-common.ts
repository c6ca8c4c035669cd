import { z } from "zod";
import { isoString } from "~/server/lib/iso-string";

/** Lago renders most timestamps as ISO 8601 to the second, events to the millisecond. */
export function isoSeconds(date: Date | null | undefined): string | null {
  if (!date) return null;
  const iso = isoString(date);
  // Years 0–9999 have the fixed 24-character form; the others (±YYYYYY) are rare enough for a regex.
  return iso.length === 24 ? `${iso.slice(0, 19)}Z` : iso.replace(/\.\d{3}Z$/, "Z");
}
export const isoMillis = (date: Date | null | undefined) => (date ? isoString(date) : null);

/**
 * A half-open period [start, end) as Lago writes it: from its first second to its last
 * (Lago's `end_of_day`, `…T23:59:59Z`), never the next period's first instant. The one
 * place storage's half-open periods meet the wire.
 */
export function lagoPeriod(period: { start: Date; end: Date } | null | undefined): { from: string | null; to: string | null } {
  if (!period) return { from: null, to: null };
  return { from: isoSeconds(period.start), to: isoSeconds(new Date(period.end.getTime() - 1000)) };
}

/** The calendar day of an instant, as Lago's `*_date` fields write it. */
export const isoDay = (date: Date | null | undefined) => (date ? date.toISOString().slice(0, 10) : null);

export const requiredString = (max = 255) =>
  z
    .string({ error: (issue) => (issue.input === undefined || issue.input === null ? "value_is_mandatory" : "invalid_format") })
    .trim()
    .min(1, { error: "value_is_mandatory" })
    .max(max, { error: "value_is_too_long" });

export const optionalString = (max = 255) =>
  z.string({ error: "invalid_format" }).trim().max(max, { error: "value_is_too_long" }).nullish();

const CURRENCIES = new Set(Intl.supportedValuesOf("currency"));
export const currencyCode = z
  .string({ error: "value_is_invalid" })
  .trim()
  .toUpperCase()
  .refine((code) => CURRENCIES.has(code), { error: "value_is_invalid" });

/** An ISO 8601 date or date-time; Lago's code for anything else is `invalid_date`. */
export const isoDate = z
  .string({ error: "invalid_date" })
  .refine((value) => /^\d{4}-\d{2}-\d{2}/.test(value) && !Number.isNaN(Date.parse(value)), { error: "invalid_date" })
  .transform((value) => new Date(value));

/** Money in minor units: a non-negative safe integer, stored as bigint. */
export const amountCents = z
  .number({ error: (issue) => (issue.input === undefined ? "value_is_mandatory" : "invalid_format") })
  .int({ error: "invalid_format" })
  .min(0, { error: "value_is_out_of_range" })
  .max(Number.MAX_SAFE_INTEGER, { error: "value_is_out_of_range" })
  .transform((value) => BigInt(value));

export const centsToNumber = (cents: bigint) => Number(cents);

/** Keeps only the keys the client actually sent, renamed to the domain's. */
export function presentKeys<Wire extends Record<string, unknown>, Domain extends string>(
  wire: Wire,
  names: Partial<Record<keyof Wire, Domain>>,
): Partial<Record<Domain, unknown>> {
  const out: Partial<Record<Domain, unknown>> = {};
  for (const [wireKey, domainKey] of Object.entries(names) as Array<[string, Domain]>) {
    if (wire[wireKey] !== undefined) out[domainKey] = wire[wireKey];
  }
  return out;
}
