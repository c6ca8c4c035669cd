import { describe, expect, it } from "vitest";
import { isDatabaseUnavailable } from "./errors";

describe("isDatabaseUnavailable", () => {
  it.each([
    ["a pg connection refusal", Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" })],
    ["PostgreSQL shutting down (57P01)", Object.assign(new Error("terminating connection due to administrator command"), { code: "57P01" })],
    ["a raw query failing on a dead connection (Prisma P2010, driver code in meta)", Object.assign(new Error("Raw query failed."), { code: "P2010", meta: { code: "57P01", message: "terminating connection due to administrator command" } })],
    ["a driver adapter error nested in meta", Object.assign(new Error("Invalid invocation"), { code: "P2010", meta: { driverAdapterError: { cause: { kind: "ConnectionClosed" } } } })],
    ["a nested original code", { code: "P2010", meta: { driverAdapterError: { cause: { originalCode: "57P03", originalMessage: "the database system is not yet accepting connections" } } } }],
    ["a pooled transaction timing out (P2028)", Object.assign(new Error("Transaction API error"), { code: "P2028" })],
    ["a wrapped cause", new Error("outer", { cause: new Error("Connection terminated unexpectedly") })],
  ])("recognises %s", (_name, error) => expect(isDatabaseUnavailable(error)).toBe(true));

  it.each([
    ["a unique violation", Object.assign(new Error("Unique constraint failed"), { code: "P2002" })],
    ["a raw query syntax error", Object.assign(new Error("Raw query failed."), { code: "P2010", meta: { code: "42601", message: "syntax error at or near" } })],
    ["a plain bug", new TypeError("cannot read properties of undefined")],
    ["a non-error", "boom"],
  ])("does not mistake %s for an outage", (_name, error) => expect(isDatabaseUnavailable(error)).toBe(false));
});
