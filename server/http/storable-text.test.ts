import { describe, expect, it } from "vitest";
import { isStorableJson } from "./storable-text";

describe("isStorableJson", () => {
  it.each([
    { name: "plain text, RTL and emoji", value: { a: ["שלום", "🎉👨‍👩‍👧", "\u202Eevil"] }, storable: true },
    { name: "a paired surrogate written as escapes", value: JSON.parse('{"a":"\\ud83c\\udf89"}'), storable: true },
    { name: "numbers, booleans and null", value: [1, -0, true, null, { x: 1e308 }], storable: true },
    { name: "NUL in a value", value: { a: { b: "x\u0000y" } }, storable: false },
    { name: "NUL in a key", value: { "a\u0000": 1 }, storable: false },
    { name: "a lone high surrogate", value: ["ok", "\ud800"], storable: false },
    { name: "a lone low surrogate", value: { a: "\udfffx" }, storable: false },
    { name: "reversed surrogates", value: "\udc00\ud800", storable: false },
    { name: "an unpaired surrogate in a key", value: { "\ud800": 1 }, storable: false },
  ])("$name → $storable", ({ value, storable }) => {
    expect(isStorableJson(value)).toBe(storable);
  });

  it("walks nesting far deeper than the call stack", () => {
    const deep = JSON.parse("[".repeat(200_000) + '"\\u0000"' + "]".repeat(200_000));
    expect(isStorableJson(deep)).toBe(false);
  });

  it("walks arrays wider than the argument limit", () => {
    expect(isStorableJson([...Array(500_000).fill(0), "\u0000"])).toBe(false);
  });
});
