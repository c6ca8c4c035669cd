import { describe, expect, it } from "vitest";
import { clientAddress } from "./client-address";

describe("clientAddress", () => {
  it.each([
    [{ "x-forwarded-for": "203.0.113.9" }, "203.0.113.9"],
    [{ "x-forwarded-for": "6.6.6.6, 203.0.113.9" }, "203.0.113.9"], // a client's own claim comes first
    [{ "x-forwarded-for": ["6.6.6.6", "198.51.100.1 "] }, "198.51.100.1"],
    [{ "x-forwarded-for": " , " }, "unknown"],
    [{}, "unknown"],
    [undefined, "unknown"],
  ])("%j → %s", (headers, expected) => {
    expect(clientAddress(headers)).toBe(expected);
  });
});
