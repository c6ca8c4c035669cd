/**
 * A value as plain JSON for a jsonb column: bigints (money in minor units) as decimal
 * strings, which JSON cannot hold, dates as ISO strings, and the named keys dropped.
 */
export function toPlainJson(value: unknown, omitKeys: ReadonlySet<string> = new Set()): unknown {
  return JSON.parse(JSON.stringify(value, (key, inner) => (omitKeys.has(key) ? undefined : typeof inner === "bigint" ? inner.toString() : inner)));
}
