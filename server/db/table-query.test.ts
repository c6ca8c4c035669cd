import { describe, expect, it } from "vitest";
import { AppError } from "~/server/errors";
import { type TableQuery, tableEnumFilter, tableFilter, tableOrderBy, tableSearch } from "./table-query";

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
});
