/**
 * Deterministic generators of malformed Lago API bodies for the fuzz test. Every body is
 * built so that no request may store anything: events name subscriptions the fuzzing
 * service does not have, customers carry an invalid external_id, plans charge a metric
 * that does not exist, subscriptions name a plan that does not exist.
 */

/** mulberry32: a tiny seeded PRNG, so a failing case is reproduced from its seed. */
export function createRng(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (below: number) => Math.floor(next() * below);
  return { next, int, chance: (p: number) => next() < p, pick: <T>(items: readonly T[]): T => items[int(items.length)]! };
}
export type Rng = ReturnType<typeof createRng>;

/** JSON text written verbatim: numbers JSON.stringify cannot produce (1e400, -0, 2^64) and deep nesting. */
class Raw {
  constructor(readonly text: string) {}
}

/** Like JSON.stringify, plus Raw. Lone surrogates come out as `\ud800` escapes, as JSON allows. */
export function toJsonText(value: unknown): string {
  if (value instanceof Raw) return value.text;
  if (Array.isArray(value)) return `[${value.map(toJsonText).join(",")}]`;
  if (value && typeof value === "object") {
    const entries = Object.entries(value).filter(([, item]) => item !== undefined);
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${toJsonText(item)}`).join(",")}}`;
  }
  return JSON.stringify(value) ?? "null";
}

const RAW_NUMBERS = ["1e400", "-1e400", "1e-400", "-0", "18446744073709551616", "-9223372036854775809", "9007199254740993", "123456789012345678901234567890.5", "0.1e1", "1E+2"];
const STRINGS = [
  "", " ", "\t\n", "NaN", "-NaN", "Infinity", "-Infinity", "1e400", "-0", "0x1F", "１２３", "1_000", "12abc",
  "\u202Eevil\u202C", "שלום עולם", "مرحبا", "🎉", "👨‍👩‍👧‍👦", "\ud800", "\udfff", "a\ud800b", "\udc00\ud800",
  "nul\u0000byte", "\u0000", "\u200b", "\ufeff", "%s%n%x", "${jndi:ldap://x}", "'; DROP TABLE usage_events; --",
  "../../etc/passwd", "<script>alert(1)</script>", "__proto__", "constructor", "2024-13-45T99:99:99Z", "2024-01-01",
  "1700000000", "1700000000.123456789", "-1700000000", "99999999999999999999",
];
const KEYS = ["units", "__proto__", "constructor", "", "\u0000", "🎉", "\ud800", "a.b", "$gt", "x".repeat(300)];

function nested(rng: Rng): Raw {
  const depth = rng.pick([64, 1_000, 10_000, 100_000]);
  return rng.chance(0.5) ? new Raw("[".repeat(depth) + "]".repeat(depth)) : new Raw('{"a":'.repeat(depth) + "1" + "}".repeat(depth));
}

/** A value of the wrong type, size or encoding for wherever it lands. */
export function weirdValue(rng: Rng, depth = 0): unknown {
  switch (rng.int(depth > 2 ? 6 : 9)) {
    case 0: return new Raw(rng.pick(RAW_NUMBERS));
    case 1: return rng.pick([0, -1, 1.5, Number.MAX_SAFE_INTEGER, -Number.MAX_VALUE, Number.MIN_VALUE, 2 ** 64]);
    case 2:
    case 3: return rng.pick(STRINGS);
    case 4: return rng.pick([null, true, false]);
    case 5: return rng.chance(0.8) ? "x".repeat(rng.pick([256, 4_097, 70_000])) : "🙂".repeat(20_000);
    case 6: return Array.from({ length: rng.int(4) }, () => weirdValue(rng, depth + 1));
    case 7: return Object.fromEntries(Array.from({ length: rng.int(4) }, () => [rng.pick(KEYS), weirdValue(rng, depth + 1)]));
    default: return nested(rng);
  }
}

/** Replaces, deletes or adds 1–3 keys of `base`, never touching `keep` (what guarantees the refusal). */
function mutate(rng: Rng, base: Record<string, unknown>, keep: string[] = []): Record<string, unknown> {
  const out = { ...base };
  for (let count = 1 + rng.int(3); count > 0; count--) {
    const key = rng.chance(0.8) ? rng.pick(Object.keys(base)) : rng.pick(KEYS);
    if (keep.includes(key)) continue;
    if (rng.chance(0.25)) delete out[key];
    else out[key] = weirdValue(rng);
  }
  return out;
}

function eventLike(rng: Rng, metricCode: string, id: number): unknown {
  if (rng.chance(0.05)) return weirdValue(rng);
  const event = {
    transaction_id: `fuzz-${id}`,
    external_subscription_id: `fuzz-missing-sub-${id}`,
    code: metricCode,
    timestamp: Math.floor(Date.now() / 1000),
    properties: { units: 1 },
  };
  // One in ten stays well-formed: refused only because its subscription doesn't exist.
  return rng.chance(0.1) ? event : mutate(rng, event);
}

const INVALID_IDS = [undefined, null, "", "   ", 42, {}, [], true, "x".repeat(256), new Raw("1e400")];

function customerBody(rng: Rng): unknown {
  return { customer: { ...mutate(rng, { name: "Fuzz", email: "a@b.co", currency: "CAD", country: "CA", timezone: "UTC" }), external_id: rng.pick(INVALID_IDS) } };
}

function planBody(rng: Rng, id: number): unknown {
  const plan = mutate(rng, { name: "Fuzz", code: `fuzz-plan-${id}`, interval: "monthly", amount_cents: 100, amount_currency: "CAD", pay_in_advance: false });
  return { plan: { ...plan, charges: [{ billable_metric_id: `fuzz-missing-metric-${id}`, charge_model: "standard", properties: { amount: "1" } }] } };
}

function subscriptionBody(rng: Rng, id: number): unknown {
  const base = { external_customer_id: `fuzz-cust-${id}`, external_id: `fuzz-sub-${id}`, billing_time: "calendar", subscription_at: "2024-01-01T00:00:00Z" };
  return { subscription: { ...(rng.chance(0.3) ? base : mutate(rng, base)), plan_code: `fuzz-missing-plan-${id}` } };
}

/** Breaks JSON text: truncation, stray bytes, wrong quotes, BOM, invalid UTF-8. */
function corrupt(rng: Rng, text: string): string | Uint8Array<ArrayBuffer> {
  const at = rng.int(text.length + 1);
  switch (rng.int(6)) {
    case 0: return text.slice(0, at);
    case 1: return text.slice(0, at) + rng.pick(["{", "}", "]", ",", ":", '"', "\\", "\u0000"]) + text.slice(at);
    case 2: return text.replaceAll('"', "'");
    case 3: return `\ufeff${text}`;
    case 4: return `${text},${text}`;
    default: return Uint8Array.from([...Buffer.from(text.slice(0, at)), 0xff, 0xfe, 0xc0, ...Buffer.from(text.slice(at))]);
  }
}

export interface FuzzCase {
  path: string;
  body: string | Uint8Array<ArrayBuffer>;
}

/** Case `index` of the run: mostly events and batches, a few of each catalog/customer route. */
export function fuzzCase(rng: Rng, index: number, metricCode: string): FuzzCase {
  const roll = rng.next();
  let path: string;
  let value: unknown;
  if (roll < 0.45) {
    path = "/events";
    value = rng.chance(0.9) ? { event: eventLike(rng, metricCode, index) } : rng.pick([weirdValue(rng), [eventLike(rng, metricCode, index)], { events: [] }]);
  } else if (roll < 0.9) {
    path = "/events/batch";
    const size = rng.chance(0.05) ? 101 + rng.int(50) : rng.int(12);
    const events = Array.from({ length: size }, (_, n) => eventLike(rng, metricCode, index * 1_000 + n));
    value = rng.chance(0.9) ? { events } : rng.pick([weirdValue(rng), events, { events: weirdValue(rng) }]);
  } else {
    const route = rng.pick([
      { path: "/customers", body: () => customerBody(rng) },
      { path: "/plans", body: () => planBody(rng, index) },
      { path: "/subscriptions", body: () => subscriptionBody(rng, index) },
    ]);
    path = route.path;
    value = route.body();
  }
  const text = toJsonText(value);
  if (rng.chance(0.004)) return { path, body: text.slice(0, -1) + `,"padding":"${"x".repeat(1_100_000)}"}` };
  return { path, body: rng.chance(0.12) ? corrupt(rng, text) : text };
}
