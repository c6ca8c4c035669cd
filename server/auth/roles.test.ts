import { describe, expect, it } from "vitest";
import { type ConsoleArea, type Role, canAccess } from "./roles";

describe("canAccess", () => {
  it.each<[Role, ConsoleArea, boolean]>([
    ["admin", "services", true],
    ["admin", "catalog", true],
    ["admin", "jobs", true],
    ["finance", "catalog", true],
    ["finance", "identity", true],
    ["finance", "usage", true],
    ["finance", "services", false],
    ["finance", "jobs", false],
    ["finance", "users", false],
    ["ops", "jobs", true],
    ["ops", "webhooks", true],
    ["ops", "usage", true],
    ["ops", "catalog", false],
    ["ops", "services", false],
    ["ops", "audit", false],
    ["ops", "lago-import", false], // an import rewrites the catalog
    ["finance", "lago-import", true],
    ["finance", "customers", true],
    ["ops", "customers", true],
  ])("%s on %s → %s", (role, area, allowed) => {
    expect(canAccess(role, area)).toBe(allowed);
  });
});
