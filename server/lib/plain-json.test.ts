import { describe, expect, it } from "vitest";
import { toPlainJson } from "./plain-json";

describe("toPlainJson", () => {
  it.each([
    ["a bigint", { amountCents: 12_345_678_901_234_567_890n }, { amountCents: "12345678901234567890" }],
    ["a nested bigint", { lines: [{ cents: -5n }] }, { lines: [{ cents: "-5" }] }],
    ["a date", { at: new Date("2026-03-01T00:00:00Z") }, { at: "2026-03-01T00:00:00.000Z" }],
    ["undefined fields", { a: 1, b: undefined }, { a: 1 }],
  ])("writes %s as JSON", (_name, value, expected) => {
    expect(toPlainJson(value)).toEqual(expected);
  });

  it("drops the omitted keys at any depth", () => {
    expect(toPlainJson({ id: "s1", apiKeyHash: "h", nested: { apiKeyHash: "h", code: "c" } }, new Set(["apiKeyHash"]))).toEqual({ id: "s1", nested: { code: "c" } });
  });
});
