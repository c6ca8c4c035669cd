/**
 * Pure parsing of the loosely typed parts of a Lago event: its timestamp (Unix seconds
 * as integer, fraction or decimal string) and the numeric property a metric reads.
 */
const DECIMAL = /^-?\d{1,30}(\.\d{1,30})?$/;
// Year 9999: anything later is a unit mistake (milliseconds sent as seconds twice over).
const MAX_UNIX_SECONDS = 253_402_300_799;

export function parseEventTimestamp(raw: unknown): Date | null {
  let seconds: number;
  if (typeof raw === "number") seconds = raw;
  else if (typeof raw === "string" && DECIMAL.test(raw.trim())) seconds = Number(raw.trim());
  else return null;
  if (!Number.isFinite(seconds) || seconds < 0 || seconds > MAX_UNIX_SECONDS) return null;
  return new Date(Math.round(seconds * 1000));
}

/** The decimal string of a numeric property, or null when it is not a finite number. */
export function numericPropertyValue(raw: unknown): string | null {
  if (typeof raw === "number") return Number.isFinite(raw) && Math.abs(raw) < 1e21 ? String(raw) : null;
  if (typeof raw === "string" && DECIMAL.test(raw.trim())) return raw.trim();
  return null;
}

const MAX_DEPTH = 4;
const MAX_STRING = 4096;

/** Event properties: a JSON object of scalars, shallowly nested at most, no huge strings. */
export function isValidProperties(value: unknown, depth = 0): boolean {
  if (value === null || typeof value === "boolean") return depth > 0;
  if (typeof value === "number") return depth > 0 && Number.isFinite(value);
  if (typeof value === "string") return depth > 0 && value.length <= MAX_STRING;
  if (depth >= MAX_DEPTH) return false;
  if (Array.isArray(value)) return depth > 0 && value.every((item) => isValidProperties(item, depth + 1));
  if (typeof value === "object") return Object.entries(value).every(([key, item]) => key.length <= 255 && isValidProperties(item, depth + 1));
  return false;
}
