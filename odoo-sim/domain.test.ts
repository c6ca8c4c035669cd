import { beforeAll, describe, expect, it } from "vitest";
import { createRecords, searchIds } from "./orm";
import { createSimState, envFor } from "./state";
import type { Env } from "./models/types";

let env: Env;
beforeAll(() => {
  const sim = createSimState({ apiKey: "k", database: "db", login: "admin", today: "2025-01-01" });
  env = envFor(sim);
  createRecords(env, "res.partner", [
    { name: "Acme Corp", email: "ops@acme.test", ref: "C-1", is_company: true }, // 1
    { name: "Beta LLC", ref: "C-2", is_company: true }, // 2
    { name: "carol", email: "carol@home.test" }, // 3
    { name: "Dormant Inc", ref: "C-4", active: false }, // 4
  ]);
  createRecords(env, "product.product", [
    { name: "Seat", default_code: "SEAT", list_price: 10 }, // 1
    { name: "API calls", default_code: "API", list_price: 0.01, invoice_policy: "delivery" }, // 2
    { name: "Storage", list_price: 5 }, // 3
  ]);
  createRecords(env, "sale.order", [
    { partner_id: 1, order_line: [[0, 0, { product_id: 1, product_uom_qty: 2 }], [0, 0, { product_id: 2 }]] },
    { partner_id: 2, order_line: [[0, 0, { product_id: 3 }]] },
  ]);
});

const partners = (domain: unknown, context: Record<string, unknown> = {}) => searchIds({ ...env, context }, "res.partner", domain);

describe("domain operators", () => {
  it.each([
    ["=", [["ref", "=", "C-1"]], [1]],
    ["!= includes unset values", [["ref", "!=", "C-1"]], [2, 3]],
    ["= False", [["email", "=", false]], [2]],
    ["!= False", [["email", "!=", false]], [1, 3]],
    ["in", [["ref", "in", ["C-1", "C-2"]]], [1, 2]],
    ["not in includes unset values", [["ref", "not in", ["C-1"]]], [2, 3]],
    ["like is case-sensitive substring", [["name", "like", "Corp"]], [1]],
    ["like no match on case", [["name", "like", "corp"]], []],
    ["ilike", [["name", "ilike", "CORP"]], [1]],
    ["not ilike", [["name", "not ilike", "CORP"]], [2, 3]],
    ["=like anchored pattern", [["name", "=like", "B%"]], [2]],
    ["=ilike", [["name", "=ilike", "CAROL"]], [3]],
    ["boolean =", [["is_company", "=", true]], [1, 2]],
    ["implicit and", [["is_company", "=", true], ["ref", "=", "C-2"]], [2]],
    ["| prefix", ["|", ["ref", "=", "C-1"], ["name", "=", "carol"]], [1, 3]],
    ["! prefix", ["!", ["is_company", "=", true]], [3]],
    ["nested & and |", ["&", "|", ["ref", "=", "C-1"], ["ref", "=", "C-2"], ["email", "!=", false]], [1]],
    ["TRUE_LEAF", [[1, "=", 1]], [1, 2, 3]],
    ["FALSE_LEAF", [[0, "=", 1]], []],
    ["active test can be mentioned", [["active", "=", false]], [4]],
  ])("%s", (_label, domain, expected) => {
    expect(partners(domain)).toEqual(expected);
  });

  it("active_test=False in context includes archived records", () => {
    expect(partners([["ref", "=", "C-4"]])).toEqual([]);
    expect(partners([["ref", "=", "C-4"]], { active_test: false })).toEqual([4]);
  });

  it.each([
    ["<", [["list_price", "<", 5]], [2]],
    ["<=", [["list_price", "<=", 5]], [2, 3]],
    [">", [["list_price", ">", 5]], [1]],
    [">=", [["list_price", ">=", 5]], [1, 3]],
  ])("numeric %s", (_label, domain, expected) => {
    expect(searchIds(env, "product.product", domain)).toEqual(expected);
  });

  it("many2one by id, by name, dotted paths and x2many", () => {
    expect(searchIds(env, "sale.order", [["partner_id", "=", 2]])).toEqual([2]);
    expect(searchIds(env, "sale.order", [["partner_id", "ilike", "acme"]])).toEqual([1]);
    expect(searchIds(env, "sale.order", [["partner_id.ref", "=", "C-2"]])).toEqual([2]);
    expect(searchIds(env, "sale.order.line", [["product_id.invoice_policy", "=", "delivery"]])).toEqual([2]);
    expect(searchIds(env, "sale.order", [["order_line.product_id", "in", [3]]])).toEqual([2]);
    expect(searchIds(env, "sale.order", [["plan_id", "=", false]])).toEqual([1, 2]);
    expect(searchIds(env, "sale.order", [["is_subscription", "=", false]])).toEqual([1, 2]);
  });

  it("order, offset and limit", () => {
    expect(searchIds(env, "product.product", [], { order: "list_price desc" })).toEqual([1, 3, 2]);
    expect(searchIds(env, "product.product", [], { order: "default_code asc" })).toEqual([2, 1, 3]);
    expect(searchIds(env, "product.product", [], { order: "id", offset: 1, limit: 1 })).toEqual([2]);
  });

  it("rejects malformed domains and unknown fields with ValueError", () => {
    expect(() => partners([["name", "~", "x"]])).toThrow(/Invalid leaf/);
    expect(() => partners([["nope", "=", 1]])).toThrow(/Invalid field res.partner.nope/);
    expect(() => partners("name = x")).toThrow(/Invalid domain/);
  });
});
