import { describe, expect, it } from "vitest";
import { loggablePath } from "./loggable-path";

describe("loggablePath: what the access log shows of a request target", () => {
  it.each([
    ["/api/v1/events/batch", "/api/v1/events/batch"],
    ["/sign-in?email=a@b.c&password=hunter2", "/sign-in"],
    ["/api/odoo/webhook/0123456789abcdef0123", "/api/odoo/webhook/[secret]"],
    ["/api/odoo/webhook/0123456789abcdef0123?x=1", "/api/odoo/webhook/[secret]"],
    ["/api/odoo/webhook", "/api/odoo/webhook"],
    ["/api/v1/customers/acme/current_usage?external_subscription_id=s1", "/api/v1/customers/acme/current_usage"],
  ])("%s → %s", (target, expected) => {
    expect(loggablePath(target)).toBe(expected);
  });

  it("bounds a huge path", () => {
    expect(loggablePath(`/${"a".repeat(10_000)}`)).toHaveLength(300);
  });
});
