import { describe, expect, it } from "vitest";
import type { AggregationType } from "~/generated/prisma/client";
import { type EventReferences, eventTimestampWindow, isSameEvent, prepareEvents, type RawEvent } from "./prepare-events";

const receivedAt = new Date("2026-03-10T12:00:00.000Z");
const metric = (code: string, aggregationType: AggregationType, fieldName: string | null) => [code, { code, aggregationType, fieldName }] as const;
const references: EventReferences = {
  subscriptionByExternalId: new Map([
    ["sub-1", { id: "s-1", externalId: "sub-1", accountLinkId: "c-1", subscriptionAt: new Date("2025-01-01T00:00:00.000Z"), odooClosedAt: null }],
    // Closed by Odoo (an unpaid invoice) on March 5th.
    ["sub-closed", { id: "s-2", externalId: "sub-closed", accountLinkId: "c-1", subscriptionAt: new Date("2025-01-01T00:00:00.000Z"), odooClosedAt: new Date("2026-03-05T00:00:00.000Z") }],
  ]),
  metricByCode: new Map([
    metric("calls", "count_agg", null),
    metric("gb", "sum_agg", "gb"),
    metric("peak", "max_agg", "cpu"),
    metric("seats_now", "latest_agg", "seats"),
    metric("agents", "unique_count_agg", "agent"),
  ]),
};
const event = (overrides: Partial<RawEvent> = {}): RawEvent => ({ transactionId: "tx-1", externalSubscriptionId: "sub-1", code: "calls", ...overrides });
let ids = 0;
const prepare = (events: RawEvent[]) => prepareEvents({ serviceId: "svc-1", events, references, receivedAt, maxAgeDays: 1100, newId: () => `id-${++ids}` });
const errorsOf = (events: RawEvent[]) => Object.fromEntries(prepare(events).errors);

describe("prepareEvents: one event", () => {
  it.each<[string, Partial<RawEvent>, Record<string, unknown>]>([
    ["a count event without timestamp is stamped on arrival", {}, { timestamp: receivedAt, timestampGiven: false, numericValue: null, distinctValue: null, properties: {} }],
    ["a timestamp in Unix seconds", { timestamp: 1_740_000_000 }, { timestamp: new Date("2025-02-19T21:20:00.000Z"), timestampGiven: true }],
    ["a timestamp as a decimal string", { timestamp: "1740000000.5" }, { timestamp: new Date("2025-02-19T21:20:00.500Z") }],
    ["null properties count as none", { properties: null }, { properties: {} }],
    ["a sum metric's number", { code: "gb", properties: { gb: 12.5 } }, { numericValue: "12.5" }],
    ["a sum metric's numeric string", { code: "gb", properties: { gb: " 42 " } }, { numericValue: "42" }],
    ["a max metric's number", { code: "peak", properties: { cpu: -3 } }, { numericValue: "-3" }],
    ["a latest metric's number", { code: "seats_now", properties: { seats: "7" } }, { numericValue: "7" }],
    ["a unique count's text", { code: "agents", properties: { agent: "ana" } }, { distinctValue: "ana", numericValue: null }],
    ["a unique count's number, as PostgreSQL's ->> renders it", { code: "agents", properties: { agent: 12 } }, { distinctValue: "12" }],
    ["a unique count's object", { code: "agents", properties: { agent: { id: 1 } } }, { distinctValue: '{"id":1}' }],
    ["a unique count without the field counts nothing", { code: "agents", properties: {} }, { distinctValue: null }],
    ["a count metric ignores property values", { properties: { anything: "x" } }, { numericValue: null, distinctValue: null }],
  ])("%s", (_name, overrides, expected) => {
    const { events, unique, errors } = prepare([event(overrides)]);
    expect(errors.size).toBe(0);
    expect(events).toHaveLength(1);
    expect(unique).toEqual(events);
    expect(events[0]).toMatchObject({ index: 0, serviceId: "svc-1", subscriptionId: "s-1", externalSubscriptionId: "sub-1", lagoCustomerId: "c-1", transactionId: "tx-1", ...expected });
  });

  it.each<[string, Partial<RawEvent>, Record<string, string[]>]>([
    ["an unknown subscription", { externalSubscriptionId: "nope" }, { external_subscription_id: ["subscription_not_found"] }],
    ["an unknown metric", { code: "nope" }, { code: ["billable_metric_not_found"] }],
    ["both unknown", { externalSubscriptionId: "nope", code: "nope" }, { external_subscription_id: ["subscription_not_found"], code: ["billable_metric_not_found"] }],
    ["a timestamp that is not Unix seconds", { timestamp: "2026-03-10" }, { timestamp: ["invalid_format"] }],
    ["a negative timestamp", { timestamp: -1 }, { timestamp: ["invalid_format"] }],
    ["a timestamp past year 9999", { timestamp: 1e15 }, { timestamp: ["invalid_format"] }],
    ["properties that are a list", { properties: [1, 2] }, { properties: ["invalid_format"] }],
    ["properties that are text", { properties: "gb=3" }, { properties: ["invalid_format"] }],
    ["a sum metric without its field", { code: "gb", properties: {} }, { properties: ["value_is_not_valid_number"] }],
    ["a sum metric's text", { code: "gb", properties: { gb: "lots" } }, { properties: ["value_is_not_valid_number"] }],
    ["a max metric's infinite value", { code: "peak", properties: { cpu: "1e999" } }, { properties: ["value_is_not_valid_number"] }],
    ["an unknown metric and a bad timestamp", { code: "nope", timestamp: "soon" }, { code: ["billable_metric_not_found"], timestamp: ["invalid_format"] }],
    // The accepted window: subscription start (2025-01-01) − 1 day … arrival (2026-03-10 12:00) + 1 day.
    ["a timestamp from 1970", { timestamp: 0 }, { timestamp: ["value_is_out_of_range"] }],
    ["a timestamp in year 9999", { timestamp: 253_402_300_000 }, { timestamp: ["value_is_out_of_range"] }],
    ["a timestamp over a day before the subscription starts", { timestamp: Date.UTC(2024, 11, 30, 23, 59, 59) / 1000 }, { timestamp: ["value_is_out_of_range"] }],
    ["a timestamp over a day after arrival", { timestamp: Date.UTC(2026, 2, 11, 12, 0, 1) / 1000 }, { timestamp: ["value_is_out_of_range"] }],
    ["usage from the instant Odoo closed the subscription", { externalSubscriptionId: "sub-closed", timestamp: Date.UTC(2026, 2, 5) / 1000 }, { external_subscription_id: ["subscription_closed_by_odoo"] }],
  ])("refuses %s", (_name, overrides, expected) => {
    const { events, unique, errors } = prepare([event(overrides)]);
    expect(events).toEqual([]);
    expect(unique).toEqual([]);
    expect(Object.fromEntries(errors)).toEqual({ 0: expected });
  });
});

it("accepts usage from before Odoo closed the subscription (billed if Odoo reopens it)", () => {
  const { events, errors } = prepare([event({ externalSubscriptionId: "sub-closed", timestamp: Date.UTC(2026, 2, 4, 23) / 1000 })]);
  expect(errors.size).toBe(0);
  expect(events).toMatchObject([{ subscriptionId: "s-2" }]);
});

describe("eventTimestampWindow", () => {
  const day = 86_400_000;
  it.each<[string, string, number, string, string]>([
    ["a day before the start, a day after arrival", "2026-03-01T00:00:00Z", 1100, "2026-02-28T00:00:00.000Z", "2026-03-11T12:00:00.000Z"],
    ["an old subscription: at most maxAgeDays back", "2015-06-01T00:00:00Z", 1100, new Date(receivedAt.getTime() - 1100 * day).toISOString(), "2026-03-11T12:00:00.000Z"],
    ["a shorter max age", "2015-06-01T00:00:00Z", 30, "2026-02-08T12:00:00.000Z", "2026-03-11T12:00:00.000Z"],
    ["a subscription starting next week", "2026-03-17T00:00:00Z", 1100, "2026-03-16T00:00:00.000Z", "2026-03-11T12:00:00.000Z"],
  ])("%s", (_name, subscriptionAt, maxAgeDays, from, to) => {
    const window = eventTimestampWindow({ subscriptionAt: new Date(subscriptionAt), receivedAt, maxAgeDays });
    expect([window.from.toISOString(), window.to.toISOString()]).toEqual([from, to]);
  });

  it("accepts both edges, so the partitions any batch can reach are the window's ~37 months", () => {
    const edges = [Date.UTC(2024, 11, 31) / 1000, Date.UTC(2026, 2, 11, 12) / 1000];
    expect(errorsOf(edges.map((timestamp, i) => event({ transactionId: `edge-${i}`, timestamp })))).toEqual({});
  });
});

describe("prepareEvents: a batch", () => {
  it("keys refusals by index and keeps preparing the other events", () => {
    const { events, errors } = prepare([event({ transactionId: "a" }), event({ transactionId: "b", code: "nope" }), event({ transactionId: "c", timestamp: "x" })]);
    expect(events.map((e) => [e.index, e.transactionId])).toEqual([[0, "a"]]);
    expect(Object.fromEntries(errors)).toEqual({ 1: { code: ["billable_metric_not_found"] }, 2: { timestamp: ["invalid_format"] } });
  });

  it("treats a repeated transaction id with the same content as a retry: stored once, answered twice", () => {
    const same = { transactionId: "tx", code: "gb", properties: { gb: 1, region: "ca" }, timestamp: 1_740_000_000 };
    const { events, unique, errors } = prepare([event(same), event({ ...same, properties: { region: "ca", gb: 1 } })]);
    expect(errors.size).toBe(0);
    expect(events).toHaveLength(2);
    expect(unique.map((e) => e.index)).toEqual([0]);
  });

  it("treats a repeat that omits the timestamp as the same event (it was stamped on arrival)", () => {
    expect(errorsOf([event({ timestamp: 1_740_000_000 }), event()])).toEqual({});
  });

  it.each<[string, Partial<RawEvent>]>([
    ["properties", { properties: { gb: 2 } }],
    ["timestamp", { timestamp: 1_740_000_001 }],
    ["metric", { code: "peak", properties: { cpu: 1 } }],
  ])("refuses a repeated transaction id with other %s as value_already_exist", (_name, other) => {
    const first = { code: "gb", properties: { gb: 1 }, timestamp: 1_740_000_000 };
    expect(errorsOf([event(first), event({ ...first, ...other })])).toEqual({ 1: { transaction_id: ["value_already_exist"] } });
  });

  it("gives every stored event its own id", () => {
    const { unique } = prepare([event({ transactionId: "a" }), event({ transactionId: "b" })]);
    expect(new Set(unique.map((e) => e.id)).size).toBe(2);
  });
});

describe("isSameEvent", () => {
  const stored = { subscriptionId: "s-1", code: "gb", timestamp: new Date(1_000), properties: { a: 1, b: [1, 2] } };
  const incoming = { ...stored, properties: { b: [1, 2], a: 1 }, timestampGiven: true };
  it.each<[string, Partial<typeof incoming>, boolean]>([
    ["the same content in another key order", {}, true],
    ["another subscription", { subscriptionId: "s-2" }, false],
    ["another metric", { code: "peak" }, false],
    ["another timestamp", { timestamp: new Date(2_000) }, false],
    ["another timestamp that was only the arrival time", { timestamp: new Date(2_000), timestampGiven: false }, true],
    ["other properties", { properties: { a: 2, b: [1, 2] } }, false],
    ["an array in another order", { properties: { a: 1, b: [2, 1] } }, false],
  ])("%s → %s", (_name, overrides, expected) => {
    expect(isSameEvent(stored, { ...incoming, ...overrides })).toBe(expected);
  });
});
