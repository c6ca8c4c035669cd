import { describe, expect, it } from "vitest";
import { isUuid, nameBasedUuid, recordIdOfUuid, recordUuid } from "./uuid";

describe("isUuid", () => {
  it.each([
    ["3f2b8c1e-9a4d-4e6f-8b2a-1c3d5e7f9a0b", true],
    ["3F2B8C1E-9A4D-4E6F-8B2A-1C3D5E7F9A0B", true],
    ["3f2b8c1e9a4d4e6f8b2a1c3d5e7f9a0b", false],
    ["3f2b8c1e-9a4d-4e6f-8b2a-1c3d5e7f9a0", false],
    ["------------------------------------", false],
    ["not-a-uuid", false],
    ["", false],
  ])("%s → %s", (value, expected) => {
    expect(isUuid(value)).toBe(expected);
  });
});

describe("nameBasedUuid", () => {
  it("is a stable version-5 UUID per name", () => {
    const id = nameBasedUuid("nexa:odoo:account.move:42");
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(isUuid(id)).toBe(true);
    expect(nameBasedUuid("nexa:odoo:account.move:42")).toBe(id);
    expect(nameBasedUuid("nexa:odoo:account.move:43")).not.toBe(id);
  });
});

describe("recordUuid", () => {
  it("is a stable UUID per kind and id that resolves back to the id", () => {
    const id = recordUuid("odoo:account.move", 42);
    expect(isUuid(id)).toBe(true);
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-00000000002a$/);
    expect(recordUuid("odoo:account.move", 42)).toBe(id);
    expect(recordIdOfUuid("odoo:account.move", id)).toBe(42);
    expect(recordIdOfUuid("odoo:account.move", id.toUpperCase())).toBe(42);
    expect(recordIdOfUuid("odoo:account.move", recordUuid("odoo:account.move", 2 ** 48 - 1))).toBe(2 ** 48 - 1);
  });

  it.each([
    ["another kind's id", () => recordUuid("odoo:sale.order", 42)],
    ["a random UUID", () => "3f2b8c1e-9a4d-4e6f-8b2a-00000000002a"],
    ["not a UUID", () => "42"],
  ])("resolves %s to nothing", (_name, make) => {
    expect(recordIdOfUuid("odoo:account.move", make())).toBeNull();
  });

  it.each([-1, 1.5, 2 ** 48])("refuses id %s", (value) => {
    expect(() => recordUuid("odoo:account.move", value)).toThrow(RangeError);
  });
});
