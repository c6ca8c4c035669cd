import { describe, expect, it } from "vitest";
import { AppError } from "~/server/errors";
import { tableEnumFilter, tableFilter, tableOrderBy, tableQuerySchema, tableSearch, tableWindow } from "./table-query";

const query = (input: unknown) => tableQuerySchema.parse(input);

describe("table query", () => {
  it("defaults to the first page of 20", () => {
    expect(query({})).toEqual({ page: 0, pageSize: 20, sort: null, filters: [], search: "" });
    expect(tableWindow(query({ page: 2, pageSize: 10 }))).toEqual({ skip: 20, take: 10 });
  });

  it("sorts on an allowed column, then id", () => {
    expect(tableOrderBy(query({ sort: { id: "code", desc: true } }), ["code", "name"], { id: "name", desc: false })).toEqual([{ code: "desc" }, { id: "asc" }]);
    expect(tableOrderBy(query({}), ["code", "name"], { id: "name", desc: false })).toEqual([{ name: "asc" }, { id: "asc" }]);
  });

  it("refuses unknown sort and filter columns", () => {
    expect(() => tableOrderBy(query({ sort: { id: "apiKeyHash", desc: false } }), ["code"], { id: "code", desc: false })).toThrow(AppError);
    expect(() => tableFilter(query({ filters: [{ id: "secret", value: "x" }] }), ["active"], "active")).toThrow(AppError);
  });

  it("reads a filter value, treating an empty one as unset", () => {
    expect(tableFilter(query({ filters: [{ id: "active", value: "true" }] }), ["active"], "active")).toBe("true");
    expect(tableFilter(query({ filters: [{ id: "active", value: "" }] }), ["active"], "active")).toBeUndefined();
  });

  it("accepts an enum filter only with one of the enum's values", () => {
    const STATES = { pending: "pending", dead: "dead" } as const;
    expect(tableEnumFilter(query({ filters: [{ id: "state", value: "dead" }] }), ["state"], "state", STATES)).toBe("dead");
    expect(tableEnumFilter(query({}), ["state"], "state", STATES)).toBeUndefined();
    expect(() => tableEnumFilter(query({ filters: [{ id: "state", value: "exploded" }] }), ["state"], "state", STATES)).toThrow(/expected one of pending, dead/);
  });

  it("searches text columns case-insensitively", () => {
    expect(tableSearch(query({ search: "  acme " }), ["code", "name"])).toEqual({
      OR: [{ code: { contains: "acme", mode: "insensitive" } }, { name: { contains: "acme", mode: "insensitive" } }],
    });
    expect(tableSearch(query({}), ["code"])).toEqual({});
  });
});
