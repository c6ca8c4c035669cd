import { describe, expect, it } from "vitest";
import { AppError } from "~/server/errors";
import { type TableQuery, oneOf, tableEnumFilter, tableFilter, tableOrderBy, tableSearch, tableWhere, tableWindow } from "./table-query";

const query = (overrides: Partial<TableQuery> = {}): TableQuery => ({ skip: 0, take: 20, sort: null, filter: {}, search: "", ...overrides });

describe("table query", () => {
  it("sorts on an allowed column, then id", () => {
    expect(tableOrderBy(query({ sort: { id: "code", desc: true } }), ["code", "name"], { id: "name", desc: false })).toEqual([{ code: "desc" }, { id: "asc" }]);
    expect(tableOrderBy(query(), ["code", "name"], { id: "name", desc: false })).toEqual([{ name: "asc" }, { id: "asc" }]);
  });

  it("refuses unknown sort and filter columns", () => {
    expect(() => tableOrderBy(query({ sort: { id: "apiKeyHash", desc: false } }), ["code"], { id: "code", desc: false })).toThrow(AppError);
    expect(() => tableFilter(query({ filter: { secret: "x" } }), ["active"], "active")).toThrow(AppError);
  });

  it("reads a filter value, treating an empty one as unset", () => {
    expect(tableFilter(query({ filter: { active: "true" } }), ["active"], "active")).toBe("true");
    expect(tableFilter(query({ filter: { active: "" } }), ["active"], "active")).toBeUndefined();
  });

  it("accepts an enum filter only with one of the enum's values", () => {
    const STATES = { pending: "pending", dead: "dead" } as const;
    expect(tableEnumFilter(query({ filter: { state: "dead" } }), ["state"], "state", STATES)).toBe("dead");
    expect(tableEnumFilter(query(), ["state"], "state", STATES)).toBeUndefined();
    expect(() => tableEnumFilter(query({ filter: { state: "exploded" } }), ["state"], "state", STATES)).toThrow(/expected one of pending, dead/);
  });

  it("searches text columns case-insensitively", () => {
    expect(tableSearch(query({ search: "acme" }), ["code", "name"])).toEqual({
      OR: [{ code: { contains: "acme", mode: "insensitive" } }, { name: { contains: "acme", mode: "insensitive" } }],
    });
    expect(tableSearch(query(), ["code"])).toEqual({});
  });

  it("builds a where-clause from the search and each set filter, as the filters map them", () => {
    const STATES = { pending: "pending", dead: "dead" } as const;
    const spec = { search: ["code"], filters: { state: oneOf(STATES, (state) => ({ state })), service: (code: string) => ({ service: { code } }) } } as const;
    expect(tableWhere<Record<string, unknown>>(query({ search: "acme", filter: { state: "dead", service: "nexacloud" } }), spec)).toEqual({
      OR: [{ code: { contains: "acme", mode: "insensitive" } }], state: "dead", service: { code: "nexacloud" },
    });
    expect(tableWhere<Record<string, unknown>>(query({ filter: { state: "" } }), spec)).toEqual({});
    expect(() => tableWhere<Record<string, unknown>>(query({ filter: { state: "exploded" } }), spec)).toThrow(/cannot filter state on exploded: expected one of pending, dead/);
    expect(() => tableWhere<Record<string, unknown>>(query({ filter: { secret: "x" } }), spec)).toThrow(/cannot filter on secret/);
    expect(() => tableWhere<Record<string, unknown>>(query({ filter: { toString: "x" } }), spec)).toThrow(/cannot filter on toString/);
  });

  it("orders and windows the rows", () => {
    expect(tableWindow(query({ skip: 40, take: 20 }), ["code"], { id: "code", desc: true })).toEqual({ orderBy: [{ code: "desc" }, { id: "asc" }], skip: 40, take: 20 });
  });
});
