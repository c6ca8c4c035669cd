/**
 * PostgreSQL text and jsonb cannot hold U+0000, and jsonb refuses an unpaired UTF-16
 * surrogate (`"\ud800"` is legal JSON text; `text` columns would silently store U+FFFD
 * instead). A body carrying either would fail deep in a query as a 500, or be stored
 * altered, so the body reader refuses it up front.
 */
const UNSTORABLE = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** True when no string or key anywhere in the parsed JSON holds unstorable text. */
export function isStorableJson(root: unknown): boolean {
  // An explicit stack: bodies may nest far deeper than the call stack allows.
  const pending: unknown[] = [root];
  while (pending.length) {
    const value = pending.pop();
    if (typeof value === "string") {
      if (UNSTORABLE.test(value)) return false;
    } else if (Array.isArray(value)) {
      for (const item of value) pending.push(item); // no spread: arrays may exceed the argument limit
    } else if (value && typeof value === "object") {
      for (const [key, item] of Object.entries(value)) {
        if (UNSTORABLE.test(key)) return false;
        pending.push(item);
      }
    }
  }
  return true;
}
