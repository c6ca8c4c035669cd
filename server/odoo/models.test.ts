import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { type OdooSimulator, type SeedResult, startOdooSimulator } from "~/odoo-sim";
import { createOdooClient, type OdooClient } from "./client";
import { listInvoices, readInvoice } from "./models/account-move";
import { findOrCreatePartner, findPartnerByRef } from "./models/partner";
import { findProductByCode, readProducts } from "./models/product";
import { listSubscriptions, readSubscription } from "./models/sale-order";
import { ensureOrderLine, readOrderLines, writeUsageLine } from "./models/sale-order-line";
import { findPlan, readPlan } from "./models/subscription-plan";

const API_KEY = "models-test-key";
let sim: OdooSimulator;
let seed: SeedResult;
let odoo: OdooClient;

beforeAll(async () => {
  sim = await startOdooSimulator({ apiKey: API_KEY, today: "2025-01-01" });
  odoo = createOdooClient({ baseUrl: sim.url, apiKey: API_KEY, protocol: "json2", retry: { baseDelayMs: 1 } });
});
afterAll(() => sim.close());
beforeEach(() => {
  sim.reset("2025-01-01");
  seed = sim.seed({ startDate: "2025-01-01" });
});

const writes = () => sim.requests().filter((r) => r.method === "write" || r.method === "create");

describe("typed Odoo helpers", () => {
  it("findOrCreatePartner is keyed on ref", async () => {
    const a = await findOrCreatePartner(odoo, { ref: "CUST-001", name: "ignored" });
    expect(a).toEqual({ created: false, partner: { id: seed.partner_id, name: "Acme Corp", email: "billing@acme.test", ref: "CUST-001", isCompany: true, active: true } });
    const b = await findOrCreatePartner(odoo, { ref: "CUST-002", name: "Beta", email: "b@beta.test" });
    expect(b.created).toBe(true);
    expect(await findOrCreatePartner(odoo, { ref: "CUST-002", name: "Beta" })).toEqual({ created: false, partner: b.partner });
    expect(await findPartnerByRef(odoo, "missing")).toBeNull();
  });

  it("findOrCreatePartner reconciles a create whose answer was lost", async () => {
    // The connection drops *before* Odoo handles the create: nothing exists, the error surfaces.
    sim.setFault({ mode: "down", count: 1, method: "create" });
    await expect(findOrCreatePartner(odoo, { ref: "CUST-003", name: "Gamma" })).rejects.toMatchObject({ kind: "network" });
    expect(await findOrCreatePartner(odoo, { ref: "CUST-003", name: "Gamma" })).toMatchObject({ created: true });
    expect(sim.requests().filter((r) => r.method === "create")).toHaveLength(2);
  });

  it("findOrCreatePartner and ensureOrderLine find a create that committed but lost its answer", async () => {
    sim.setFault({ mode: "lost_response", count: 1, method: "create" });
    const p = await findOrCreatePartner(odoo, { ref: "CUST-004", name: "Delta" });
    expect(p).toMatchObject({ created: true, partner: { ref: "CUST-004", name: "Delta" } });
    sim.setFault({ mode: "lost_response", count: 1, method: "create" });
    const line = await ensureOrderLine(odoo, { orderId: seed.order_id, productId: seed.product_ids.usage, name: "API calls 2025-02", quantity: 1 });
    expect(line.created).toBe(true);
    expect(sim.requests().filter((r) => r.method === "create")).toHaveLength(2);
    expect(await readSubscription(odoo, seed.order_id).then((s) => s.lineIds)).toHaveLength(3);
  });

  it("reads products and plans", async () => {
    const usage = await findProductByCode(odoo, "API-CALLS");
    expect(usage).toMatchObject({ id: seed.product_ids.usage, invoicePolicy: "delivery", recurringInvoice: true, defaultCode: "API-CALLS" });
    expect((await readProducts(odoo, [seed.product_ids.fixed]))[0]).toMatchObject({ invoicePolicy: "order", listPrice: 100 });
    expect(await readPlan(odoo, seed.plan_id)).toEqual({ id: seed.plan_id, name: "Monthly", periodValue: 1, periodUnit: "month", firstDay: false });
    expect(await findPlan(odoo, { value: 1, unit: "year", firstDay: false })).toBeNull();
    // A calendar subscription's plan aligns on the 1st: the anniversary plan of the same rhythm is not it.
    expect(await findPlan(odoo, { value: 1, unit: "month", firstDay: true })).toBeNull();
  });

  it("reads a subscription", async () => {
    expect(await readSubscription(odoo, seed.order_id)).toEqual({
      id: seed.order_id, name: "S00001", partnerId: seed.partner_id, planId: seed.plan_id, isSubscription: true,
      subscriptionState: "3_progress", state: "sale", startDate: "2025-01-01", nextInvoiceDate: "2025-01-01", endDate: null,
      currency: "USD", lineIds: [seed.line_ids.fixed, seed.line_ids.usage],
      // Seeded as the hub creates orders: no online payment required, so nothing is prepaid.
      requirePayment: false, prepaymentPercent: 0, paymentTokenId: null, closeReason: null,
    });
    expect((await listSubscriptions(odoo, { states: ["3_progress"], dueBy: "2025-01-01" })).map((s) => s.id)).toEqual([seed.order_id]);
    expect(await listSubscriptions(odoo, { dueBy: "2024-12-31" })).toEqual([]);
    expect((await listSubscriptions(odoo, { ids: [seed.order_id, 999] })).map((s) => s.id)).toEqual([seed.order_id]);
  });

  it("turns Odoo's empty read of a deleted record into a missing error", async () => {
    const error = await readSubscription(odoo, 999).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: "OdooError", kind: "missing", retryable: false, message: "sale.order 999 does not exist in Odoo (deleted, or another database)" });
    await expect(readPlan(odoo, 999)).rejects.toMatchObject({ kind: "missing" });
  });

  it("writeUsageLine writes only when the values change", async () => {
    const usageLine = { lineId: seed.line_ids.usage, quantity: 42, priceUnit: 0.01 };
    expect((await readOrderLines(odoo, [seed.line_ids.usage]))[0]).toMatchObject({ qtyDelivered: 0 });
    expect(await writeUsageLine(odoo, usageLine)).toEqual({ changed: true });
    expect(await writeUsageLine(odoo, usageLine)).toEqual({ changed: false });
    expect(writes()).toHaveLength(1);
    const [line] = await readOrderLines(odoo, [seed.line_ids.usage]);
    expect(line).toMatchObject({ qtyDelivered: 42, qtyToInvoice: 42, productId: seed.product_ids.usage, orderId: seed.order_id });
  });

  it("ensureOrderLine never duplicates", async () => {
    const input = { orderId: seed.order_id, productId: seed.product_ids.usage, name: "API calls 2025-01", quantity: 10, priceUnit: 0.02 };
    const first = await ensureOrderLine(odoo, input);
    expect(first.created).toBe(true);
    expect(await ensureOrderLine(odoo, input)).toEqual({ id: first.id, created: false });
    const [line] = await readOrderLines(odoo, [first.id]);
    expect(line).toMatchObject({ name: "API calls 2025-01", qtyDelivered: 10, priceUnit: 0.02, productUomQty: 0 });
  });

  it("writeUsageLine rewrites the text with the units, and ensureOrderLine still finds the line by its first line", async () => {
    const input = { orderId: seed.order_id, productId: seed.product_ids.usage, name: "API calls usage [api_calls]", quantity: 0, priceUnit: 0 };
    const line = await ensureOrderLine(odoo, input);
    const name = "API calls usage [api_calls]\n500 units, 0 included, 500 billed (2025-01-01 to 2025-01-31)";
    expect(await writeUsageLine(odoo, { lineId: line.id, quantity: 1, priceUnit: 5, name })).toEqual({ changed: true });
    expect(await writeUsageLine(odoo, { lineId: line.id, quantity: 1, priceUnit: 5, name })).toEqual({ changed: false });
    expect((await readOrderLines(odoo, [line.id]))[0]).toMatchObject({ name, qtyDelivered: 1, priceUnit: 5 });
    expect(await ensureOrderLine(odoo, input)).toEqual({ id: line.id, created: false });
    expect(await writeUsageLine(odoo, { lineId: line.id, quantity: 0, priceUnit: 0, name: input.name })).toEqual({ changed: true });
    expect((await readOrderLines(odoo, [line.id]))[0]).toMatchObject({ name: input.name, qtyDelivered: 0 });
  });

  it("lists invoices with their lines after a billing run", async () => {
    await writeUsageLine(odoo, { lineId: seed.line_ids.usage, quantity: 500, priceUnit: 0.01 });
    const [run] = sim.runInvoicing("2025-01-01");
    const invoices = await listInvoices(odoo, { origin: "S00001" });
    expect(invoices).toHaveLength(1);
    expect(invoices[0]).toMatchObject({
      id: run!.move_id, name: "INV/2025/00001", moveType: "out_invoice", state: "posted", paymentState: "not_paid",
      partnerId: seed.partner_id, invoiceDate: "2025-01-01", amountTotal: 120.75, amountResidual: 120.75, currency: "USD", // 105 + 15 % tax
    });
    expect(invoices[0]!.lines.map((l) => [l.productId, l.quantity, l.priceSubtotal, l.saleLineIds])).toEqual([
      [seed.product_ids.fixed, 1, 100, [seed.line_ids.fixed]],
      [seed.product_ids.usage, 500, 5, [seed.line_ids.usage]],
    ]);
    expect((await readSubscription(odoo, seed.order_id)).nextInvoiceDate).toBe("2025-02-01");
    expect(await readInvoice(odoo, 999)).toBeNull();
  });
});
