import { Client } from "lago-javascript-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { terminateSubscription } from "~/server/subscriptions/terminate-subscription";
import { uniqueCode } from "../support/fixtures";
import { type IsolatedStack, startIsolatedStack } from "../support/isolated-stack";

/*
 * Credit notes read from Odoo (the simulator) through Lago's paths: a prepaid plan billed
 * for last month on its 1st, ended on its 10th, is credited its unused days by the hub in
 * Odoo; the app reads that credit note back, with the fee it credits, from its own key only.
 */
const now = new Date();
const previousMonth = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1));
const day = (date: Date) => date.toISOString().slice(0, 10);
const daysInPreviousMonth = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 0)).getUTCDate();

let stack: IsolatedStack;
beforeAll(async () => {
  stack = await startIsolatedStack();
});
afterAll(() => stack?.stop());

async function creditedCustomer() {
  const { api, apiKey, serviceId } = await stack.service(uniqueCode("svc"));
  const planCode = uniqueCode("plan");
  await api.post("/plans", { plan: { name: "Cloud", code: planCode, interval: "monthly", amount_cents: 2900, amount_currency: "CAD", pay_in_advance: true, charges: [] } });
  const customerId = uniqueCode("cust");
  const subscriptionId = uniqueCode("sub");
  await api.post("/customers", { customer: { external_id: customerId, name: "Initech", currency: "CAD" } });
  expect((await api.post("/subscriptions", { subscription: { external_customer_id: customerId, plan_code: planCode, external_id: subscriptionId, subscription_at: previousMonth.toISOString() } })).status).toBe(200);
  expect((await stack.cron("/api/cron/usage-push")).status).toBe(200);
  // Odoo bills last month's fee when it opens, then the app ends the subscription on its 10th.
  expect((await fetch(`${stack.odoo.url}/__sim/run_invoicing`, { method: "POST", body: JSON.stringify({ today: day(previousMonth) }) })).status).toBe(200);
  await terminateSubscription({ db: stack.db, serviceId, externalId: subscriptionId, now: new Date(previousMonth.getTime() + 9.5 * 86_400_000) });
  expect((await stack.cron("/api/cron/usage-push")).status).toBe(200);
  return { api, apiKey, planCode, customerId, subscriptionId };
}

describe("credit notes from Odoo", () => {
  it("lists the hub's credit note for the unused days and shows it with the fee it credits", async () => {
    const setup = await creditedCustomer();
    const unused = daysInPreviousMonth - 10;
    const credit = Math.round((2900 * unused) / daysInPreviousMonth);
    const listed = await setup.api.get(`/customers/${setup.customerId}/credit_notes`);
    expect(listed.status).toBe(200);
    expect(listed.body.meta).toMatchObject({ current_page: 1, total_count: 1 });
    const [note] = listed.body.credit_notes;
    // Odoo's 15 % default sale tax is credited with the fee, as Lago credits the fee's taxes.
    expect(note).toMatchObject({
      reason: "order_cancellation", credit_status: "consumed", refund_status: null, currency: "CAD", issuing_date: day(new Date(previousMonth.getTime() + 9 * 86_400_000)),
      sub_total_excluding_taxes_amount_cents: credit, taxes_amount_cents: Math.round(credit * 0.15), total_amount_cents: credit + Math.round(credit * 0.15),
      balance_amount_cents: 0, customer: expect.objectContaining({ external_id: setup.customerId }),
    });
    expect(note.number).toMatch(/^RINV\//);
    const invoice = (await setup.api.get(`/invoices/${note.lago_invoice_id}`)).body.invoice;
    expect(invoice).toMatchObject({ issuing_date: day(previousMonth), number: note.invoice_number, payment_status: "pending" });
    // The item credits the invoice's plan fee, the same fee object GET /invoices/{id} shows.
    const fee = invoice.fees.find((f: { item: { type: string } }) => f.item.type === "subscription");
    expect(note.items).toEqual([expect.objectContaining({ amount_cents: credit, amount_currency: "CAD", fee })]);

    const shown = await setup.api.get(`/credit_notes/${note.lago_id}`);
    expect(shown.status).toBe(200);
    expect(shown.body.credit_note).toEqual(note);
    // The official client reads the same.
    const client = Client(setup.apiKey, { baseUrl: `${stack.app.baseUrl}/api/v1` });
    expect((await client.creditNotes.findCreditNote(note.lago_id)).data.credit_note.total_amount_cents).toBe(note.total_amount_cents);
    expect((await client.creditNotes.findAllCreditNotes({ external_customer_id: setup.customerId })).data.credit_notes).toHaveLength(1);
  });

  it("is another service's credit note for nobody else, and answers Lago's errors", async () => {
    const setup = await creditedCustomer();
    const [note] = (await setup.api.get("/credit_notes")).body.credit_notes;
    const other = await stack.service(uniqueCode("svc"));
    expect((await other.api.get(`/credit_notes/${note.lago_id}`)).body).toMatchObject({ status: 404, code: "credit_note_not_found" });
    expect((await other.api.get("/credit_notes")).body.credit_notes).toEqual([]);
    // An invoice's id names no credit note, and a credit note's no invoice.
    expect((await setup.api.get(`/credit_notes/${note.lago_invoice_id}`)).body).toMatchObject({ status: 404, code: "credit_note_not_found" });
    expect((await setup.api.get(`/invoices/${note.lago_id}`)).body).toMatchObject({ status: 404, code: "invoice_not_found" });
    expect((await setup.api.get("/credit_notes?credit_status=available")).body).toMatchObject({ status: 422, error_details: { credit_status: ["filter_not_supported"] } });
    expect((await setup.api.get("/credit_notes?issuing_date_from=soon")).body).toMatchObject({ status: 422, error_details: { issuing_date_from: ["invalid_date"] } });
    expect((await setup.api.get(`/credit_notes?issuing_date_from=${day(now)}`)).body.credit_notes).toEqual([]);
  });
});
