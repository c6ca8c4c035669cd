/*
 * A PostgreSQL array literal of text (`{"a","b",NULL}`), for a statement's `$n::type[]`
 * parameter: what pg's own array conversion writes, without its two regex replaces per
 * element, which were the largest part of pg's CPU on the ingestion path (every column of
 * every event of a batch). Elements are always quoted; a backslash or a double quote is
 * escaped with a backslash, as array_in reads them.
 */
const NEEDS_ESCAPE = /[\\"]/;

export function pgArray(values: ReadonlyArray<string | null>): string {
  let text = "{";
  for (let i = 0; i < values.length; i++) {
    const value = values[i]!;
    if (i) text += ",";
    text += value === null ? "NULL" : `"${NEEDS_ESCAPE.test(value) ? value.replace(/[\\"]/g, "\\$&") : value}"`;
  }
  return `${text}}`;
}
