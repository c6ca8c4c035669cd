import { describe, expect, it } from "vitest";
import { auditCustomerId, auditEntityName } from "./audit-entity-name";
import { diffSnapshots } from "./diff-snapshots";

describe("diffSnapshots", () => {
  it("lists only what changed, with old and new values", () => {
    expect(diffSnapshots(
      { id: "u1", email: "a@nexa.test", role: "ops", active: true, updatedAt: "2026-01-01" },
      { id: "u1", email: "a@nexa.test", role: "admin", active: true, updatedAt: "2026-01-02" },
    )).toEqual([{ path: "role", before: "ops", after: "admin" }]);
  });

  it("reaches into nested charges and ranges", () => {
    const plan = (amount: string) => ({ code: "p", charges: [{ chargeModel: "graduated", properties: { graduated_ranges: [{ from_value: 0, per_unit_amount: amount }] } }] });
    expect(diffSnapshots(plan("0.05"), plan("0.04"))).toEqual([
      { path: "charges.0.properties.graduated_ranges.0.per_unit_amount", before: "0.05", after: "0.04" },
    ]);
  });

  it("shows a create as every value new and a removed key as gone", () => {
    expect(diffSnapshots(null, { code: "api", name: "API" })).toEqual([
      { path: "code", before: undefined, after: "api" },
      { path: "name", before: undefined, after: "API" },
    ]);
    expect(diffSnapshots({ webhookUrl: "https://a.test", tags: ["x"] }, { webhookUrl: null, tags: [] })).toEqual([
      { path: "webhookUrl", before: "https://a.test", after: null },
      { path: "tags", before: undefined, after: [] },
      { path: "tags.0", before: "x", after: undefined },
    ]);
  });

  it("finds nothing when nothing changed", () => {
    expect(diffSnapshots({ a: { b: [1, 2] } }, { a: { b: [1, 2] } })).toEqual([]);
  });
});

describe("auditEntityName", () => {
  it.each([
    ["service", { name: "NexaCloud", code: "nexacloud" }, "NexaCloud (nexacloud)"],
    ["user", { email: "ops@nexa.test", role: "ops" }, "ops@nexa.test"],
    ["plan", { code: "starter", name: "Starter" }, "starter"],
    ["job", { metricCode: "vcpu_hours", periodStart: "2026-10-01T00:00:00.000Z", periodEnd: "2026-11-01T00:00:00.000Z" }, "vcpu_hours push 2026-10-01 → 2026-11-01"],
    ["billing_customer", { name: "Acme Corp", odooPartnerId: 7 }, "Acme Corp"],
    ["account_link", { externalId: "acme-corp", billingCustomerId: "c1" }, "acme-corp"],
    ["webhook_delivery", { webhookType: "invoice.payment_status_updated" }, "invoice.payment_status_updated"],
  ])("names a %s", (type, snapshot, name) => {
    expect(auditEntityName(type, "0d5c1e0a-0000-4000-8000-000000000000", null, snapshot)).toBe(name);
  });

  it("falls back to the before snapshot, then to the id", () => {
    expect(auditEntityName("plan", "x", { code: "old" }, null)).toBe("old");
    expect(auditEntityName("plan", "0d5c1e0a-0000", null, null)).toBe("0d5c1e0a");
  });

  it("links customer entities to their billing customer", () => {
    expect(auditCustomerId("billing_customer", "c9", null, {})).toBe("c9");
    expect(auditCustomerId("account_link", "a1", { billingCustomerId: "c1" }, { billingCustomerId: "c2" })).toBe("c2");
    expect(auditCustomerId("plan", "p1", null, {})).toBeNull();
  });
});
