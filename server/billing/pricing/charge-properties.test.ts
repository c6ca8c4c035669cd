import { describe, expect, it } from "vitest";
import { CHARGE_MODELS, chargePropertiesSchemas, chargeSchema, validateChargeProperties } from "./charge-properties";

const range = (from: unknown, to: unknown, perUnit: unknown = "1", flat: unknown = "0") => ({
  from_value: from,
  to_value: to,
  per_unit_amount: perUnit,
  flat_amount: flat,
});

describe("CHARGE_MODELS", () => {
  it("has a properties schema for every model", () => {
    expect(Object.keys(chargePropertiesSchemas).sort()).toEqual([...CHARGE_MODELS].sort());
  });
});

describe("validateChargeProperties accepts", () => {
  it.each([
    { model: "standard", raw: { amount: "0.05" }, properties: { amount: "0.05", free_units: "0" } },
    { model: "standard", raw: { amount: "0" }, properties: { amount: "0", free_units: "0" } },
    { model: "standard", raw: { amount: "  1.50 " }, properties: { amount: "1.50", free_units: "0" } },
    { model: "standard", raw: { amount: 0.05 }, properties: { amount: "0.05", free_units: "0" } },
    { model: "standard", raw: { amount: 3 }, properties: { amount: "3", free_units: "0" } },
    { model: "standard", raw: { amount: -0 }, properties: { amount: "0", free_units: "0" } },
    { model: "standard", raw: { amount: 1e21 }, properties: { amount: "1000000000000000000000", free_units: "0" } },
    { model: "standard", raw: { amount: 1e-7 }, properties: { amount: "0.0000001", free_units: "0" } },
    { model: "standard", raw: { amount: "007.10" }, properties: { amount: "007.10", free_units: "0" } },
    { model: "standard", raw: { amount: "10", free_units: 100 }, properties: { amount: "10", free_units: "100" } },
    { model: "standard", raw: { amount: "10", free_units: "0.5" }, properties: { amount: "10", free_units: "0.5" } },
    { model: "standard", raw: { amount: "10", grouped_by: ["region"] }, properties: { amount: "10", free_units: "0" } },
    { model: "package", raw: { amount: "5", package_size: 10 }, properties: { amount: "5", package_size: 10, free_units: "0" } },
    { model: "package", raw: { amount: 5, package_size: 1, free_units: 3 }, properties: { amount: "5", package_size: 1, free_units: "3" } },
    {
      model: "graduated",
      raw: { graduated_ranges: [range(0, 10, "1", "5"), range(10, null, 0.5, 2)] },
      properties: { graduated_ranges: [range(0, 10, "1", "5"), range(10, null, "0.5", "2")], free_units: "0" },
    },
    {
      model: "graduated",
      raw: { graduated_ranges: [range(0, 10), { from_value: 10, per_unit_amount: "1", flat_amount: "0" }] },
      properties: { graduated_ranges: [range(0, 10), range(10, null)], free_units: "0" },
    },
    {
      model: "graduated",
      raw: { graduated_ranges: [range(0, null)], free_units: "12" },
      properties: { graduated_ranges: [range(0, null)], free_units: "12" },
    },
    {
      model: "graduated",
      raw: { graduated_ranges: [range(0, 10, "1", "5"), range(11, 20), { from_value: 21, per_unit_amount: 0.1, flat_amount: 1 }] },
      properties: { graduated_ranges: [range(0, 10, "1", "5"), range(11, 20), range(21, null, "0.1", "1")], free_units: "0" },
    },
    {
      model: "graduated",
      raw: { graduated_ranges: [range(0, 1), range(2, 3), range(4, null)], free_units: "2" },
      properties: { graduated_ranges: [range(0, 1), range(2, 3), range(4, null)], free_units: "2" },
    },
    {
      model: "volume",
      raw: { volume_ranges: [range(0, 100, "2", "10"), range(101, 200, "1", "0"), range(201, null, "0.5", "50")] },
      properties: {
        volume_ranges: [range(0, 100, "2", "10"), range(101, 200, "1", "0"), range(201, null, "0.5", "50")],
        free_units: "0",
      },
    },
    {
      model: "volume",
      raw: { volume_ranges: [range(0, 100, "2", "10"), range(100, 200, "1", "0"), range(200, null, "0.5", "50")] },
      properties: {
        volume_ranges: [range(0, 100, "2", "10"), range(100, 200, "1", "0"), range(200, null, "0.5", "50")],
        free_units: "0",
      },
    },
  ])("$model $raw", ({ model, raw, properties }) => {
    expect(validateChargeProperties(model, raw)).toEqual({ ok: true, chargeModel: model, properties });
  });

  it.each([
    { model: "standard", raw: { amount: 0.1, free_units: 2 } },
    { model: "package", raw: { amount: "5", package_size: 10 } },
    { model: "graduated", raw: { graduated_ranges: [range(0, 10), { from_value: 10, per_unit_amount: 1, flat_amount: 0 }] } },
    { model: "volume", raw: { volume_ranges: [range(0, null, "1", "3")] } },
    { model: "volume", raw: { volume_ranges: [range(0, 10), { from_value: 11, per_unit_amount: 1, flat_amount: 0 }] } },
  ])("its own output unchanged ($model)", ({ model, raw }) => {
    const first = validateChargeProperties(model, raw);
    if (!first.ok) throw new Error("expected valid properties");
    expect(validateChargeProperties(model, JSON.parse(JSON.stringify(first.properties)))).toEqual(first);
  });
});

const badDecimals: unknown[] = [
  "abc", "-1", "-0", "1e3", "1E3", "", " ", "1.", ".5", "+1", "0x10", "1,5", "1 000", "NaN", "Infinity",
  -1, -0.01, Number.NaN, Number.POSITIVE_INFINITY, null, true, {}, [],
];

describe("validateChargeProperties refuses", () => {
  it.each(["percentage", "graduated_percentage", "Standard", ""])("the unknown model %j", (model) => {
    expect(validateChargeProperties(model, { amount: "1" })).toEqual({ ok: false, errors: { charge_model: ["value_is_invalid"] } });
  });

  it.each([
    { raw: undefined, code: "value_is_mandatory" },
    { raw: null, code: "invalid_format" },
    { raw: [], code: "invalid_format" },
    { raw: "abc", code: "invalid_format" },
    { raw: 5, code: "invalid_format" },
  ])("properties $raw", ({ raw, code }) => {
    for (const model of CHARGE_MODELS) {
      expect(validateChargeProperties(model, raw)).toEqual({ ok: false, errors: { properties: [code] } });
    }
  });

  it.each(badDecimals)("the amount %j", (amount) => {
    expect(validateChargeProperties("standard", { amount })).toEqual({ ok: false, errors: { "properties.amount": ["invalid_amount"] } });
    expect(validateChargeProperties("package", { amount, package_size: 10 })).toEqual({
      ok: false,
      errors: { "properties.amount": ["invalid_amount"] },
    });
  });

  it.each(badDecimals)("free_units %j", (free_units) => {
    const expected = { ok: false, errors: { "properties.free_units": ["invalid_free_units"] } };
    expect(validateChargeProperties("standard", { amount: "1", free_units })).toEqual(expected);
    expect(validateChargeProperties("package", { amount: "1", package_size: 1, free_units })).toEqual(expected);
    expect(validateChargeProperties("graduated", { graduated_ranges: [range(0, null)], free_units })).toEqual(expected);
    expect(validateChargeProperties("volume", { volume_ranges: [range(0, null)], free_units })).toEqual(expected);
  });

  it.each([0, -1, 2.5, "10", "abc", null, true, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 53])("package_size %j", (package_size) => {
    expect(validateChargeProperties("package", { amount: "1", package_size })).toEqual({
      ok: false,
      errors: { "properties.package_size": ["invalid_package_size"] },
    });
  });

  it.each([
    { model: "standard", raw: {}, errors: { "properties.amount": ["value_is_mandatory"] } },
    {
      model: "package",
      raw: {},
      errors: { "properties.amount": ["value_is_mandatory"], "properties.package_size": ["value_is_mandatory"] },
    },
    { model: "graduated", raw: {}, errors: { "properties.graduated_ranges": ["value_is_mandatory"] } },
    { model: "volume", raw: {}, errors: { "properties.volume_ranges": ["value_is_mandatory"] } },
    { model: "standard", raw: { free_units: "1" }, errors: { "properties.amount": ["value_is_mandatory"] } },
  ])("missing fields ($model $raw)", ({ model, raw, errors }) => {
    expect(validateChargeProperties(model, raw)).toEqual({ ok: false, errors });
  });

  it("every bad field at once", () => {
    expect(validateChargeProperties("package", { amount: "-1", package_size: 0, free_units: "1e3" })).toEqual({
      ok: false,
      errors: {
        "properties.amount": ["invalid_amount"],
        "properties.package_size": ["invalid_package_size"],
        "properties.free_units": ["invalid_free_units"],
      },
    });
  });
});

describe.each([
  { model: "graduated", key: "graduated_ranges", code: "invalid_graduated_ranges" },
  { model: "volume", key: "volume_ranges", code: "invalid_volume_ranges" },
])("$model ranges", ({ model, key, code }) => {
  const validate = (ranges: unknown) => validateChargeProperties(model, { [key]: ranges });

  it.each([
    { name: "an empty list", ranges: [] },
    { name: "an object", ranges: {} },
    { name: "a string", ranges: "abc" },
    { name: "null", ranges: null },
    { name: "a non-object range", ranges: ["x"] },
    { name: "a null range", ranges: [null] },
    { name: "a first range not starting at 0", ranges: [range(1, null)] },
    { name: "a gap of two units", ranges: [range(0, 10), range(12, null)] },
    { name: "a standard-form gap of two units", ranges: [range(0, 10), range(11, 20), range(22, null)] },
    { name: "adjacent then standard", ranges: [range(0, 10), range(10, 20), range(21, null)] },
    { name: "standard then adjacent", ranges: [range(0, 10), range(11, 20), range(20, null)] },
    { name: "a standard first range from 1", ranges: [range(1, 10), range(11, null)] },
    { name: "a standard one-unit range", ranges: [range(0, 10), range(11, 11), range(12, null)] },
    { name: "a standard closed last range", ranges: [range(0, 10), range(11, 20)] },
    { name: "a standard open range before the last", ranges: [range(0, null), range(1, null)] },
    { name: "an overlap", ranges: [range(0, 10), range(5, null)] },
    { name: "an open range before the last", ranges: [range(0, null), range(10, null)] },
    { name: "a missing to_value before the last", ranges: [{ from_value: 0, per_unit_amount: "1", flat_amount: "0" }, range(10, null)] },
    { name: "a closed last range", ranges: [range(0, 10), range(10, 20)] },
    { name: "a single closed range", ranges: [range(0, 10)] },
    { name: "an empty range", ranges: [range(0, 0), range(0, null)] },
    { name: "a decreasing range", ranges: [range(0, 10), range(10, 5), range(5, null)] },
    { name: "a negative from_value", ranges: [range(-1, 10), range(10, null)] },
    { name: "a negative to_value", ranges: [range(0, -10), range(-10, null)] },
    { name: "fractional bounds", ranges: [range(0, 10.5), range(10.5, null)] },
    { name: "string bounds", ranges: [range("0", "10"), range("10", null)] },
    { name: "a missing from_value", ranges: [{ to_value: null, per_unit_amount: "1", flat_amount: "0" }] },
    { name: "an unsafe integer bound", ranges: [range(0, 2 ** 53), range(2 ** 53, null)] },
  ])("$name", ({ ranges }) => {
    expect(validate(ranges)).toEqual({ ok: false, errors: { [`properties.${key}`]: [code] } });
  });

  it.each(badDecimals)("per_unit_amount %j", (amount) => {
    expect(validate([range(0, 10), range(10, null, amount, "0")])).toEqual({
      ok: false,
      errors: { [`properties.${key}.1.per_unit_amount`]: ["invalid_amount"] },
    });
  });

  it.each(badDecimals)("flat_amount %j", (amount) => {
    expect(validate([range(0, 10, "1", amount), range(10, null)])).toEqual({
      ok: false,
      errors: { [`properties.${key}.0.flat_amount`]: ["invalid_amount"] },
    });
  });

  it("missing amounts", () => {
    expect(validate([{ from_value: 0, to_value: null }])).toEqual({
      ok: false,
      errors: {
        [`properties.${key}.0.per_unit_amount`]: ["value_is_mandatory"],
        [`properties.${key}.0.flat_amount`]: ["value_is_mandatory"],
      },
    });
  });

  it("bad bounds and bad amounts together", () => {
    expect(validate([range("x", 10, "-1", "0"), range(10, 5.5, "1", "1e3")])).toEqual({
      ok: false,
      errors: {
        [`properties.${key}`]: [code],
        [`properties.${key}.0.per_unit_amount`]: ["invalid_amount"],
        [`properties.${key}.1.flat_amount`]: ["invalid_amount"],
      },
    });
  });
});

describe("chargeSchema", () => {
  it("parses a wire charge", () => {
    expect(chargeSchema.parse({ charge_model: "package", properties: { amount: 5, package_size: 10 } })).toEqual({
      charge_model: "package",
      properties: { amount: "5", package_size: 10, free_units: "0" },
    });
  });

  it("refuses properties of another model", () => {
    expect(chargeSchema.safeParse({ charge_model: "graduated", properties: { amount: "5" } }).success).toBe(false);
  });
});
