import { describe, expect, it } from "vitest";
import { toAuditJson } from "./record-audit";

describe("toAuditJson", () => {
  it("keeps plain data, stringifies bigints and dates", () => {
    expect(toAuditJson({ code: "p", amountCents: 2900n, at: new Date("2026-01-01T00:00:00Z"), nested: [{ n: 1 }] })).toEqual({
      code: "p", amountCents: "2900", at: "2026-01-01T00:00:00.000Z", nested: [{ n: 1 }],
    });
  });

  it("drops secrets at any depth", () => {
    expect(toAuditJson({ apiKeyHash: "h", webhookSecret: "s", user: { email: "a@b", passwordHash: "x" } })).toEqual({ user: { email: "a@b" } });
  });

  it("stores nothing for a missing snapshot", () => {
    expect(toAuditJson(undefined)).toBeUndefined();
    expect(toAuditJson(null)).toBeUndefined();
  });
});
