import { Client } from "lago-javascript-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { uniqueCode } from "../support/fixtures";
import { type IsolatedStack, startIsolatedStack } from "../support/isolated-stack";

/*
 * Invoices read from Odoo (the simulator) through Lago's paths: a closed month's usage is
 * pushed, Odoo's recurring run invoices it (with its 15 % default sale tax), and the app
 * reads the invoice back with its fees, from its own key only.
 */
const now = new Date();
const monthStart = (offset: number) => new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + offset, 1));
const previousMonth = monthStart(-1);
const thisMonth = monthStart(0);
const day = (date: Date) => date.toISOString().slice(0, 10);
const lastDayOf = (start: Date) => day(new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + 1, 0)));

let stack: IsolatedStack;

beforeAll(async () => {
  stack = await startIsolatedStack();
});
afterAll(() => stack?.stop());

/** A service whose customer (with `customerFields` of Lago's) was invoiced by Odoo for last month: 25 GB hours, 10 free, 15 × $0.50, plus the $29 fee. */
async function invoicedCustomer(customerFields: Record<string, unknown> = {}) {
  const code = uniqueCode("svc");
  const { api, apiKey, serviceId } = await stack.service(code);
  const metricCode = uniqueCode("gb_hours");
  const planCode = uniqueCode("plan");
  const metric = await api.post("/billable_metrics", { billable_metric: { name: "GB hours", code: metricCode, aggregation_type: "sum_agg", field_name: "units" } });
  await api.post("/plans", {
    plan: {
      name: "Cloud", code: planCode, interval: "monthly", amount_cents: 2900, amount_currency: "CAD", pay_in_advance: false,
      charges: [{ billable_metric_id: metric.body.billable_metric.lago_id, charge_model: "standard", properties: { amount: "0.50", free_units: "10" } }],
    },
  });
  const customerId = uniqueCode("cust");
  const subscriptionId = uniqueCode("sub");
  await api.post("/customers", { customer: { external_id: customerId, name: "Initech", currency: "CAD", ...customerFields } });
  const created = await api.post("/subscriptions", { subscription: { external_customer_id: customerId, plan_code: planCode, external_id: subscriptionId, subscription_at: previousMonth.toISOString() } });
  expect(created.status).toBe(200);
  const at = Math.floor(previousMonth.getTime() / 1000) + 86_400;
  expect((await api.post("/events", { event: { transaction_id: `${subscriptionId}-1`, external_subscription_id: subscriptionId, code: metricCode, timestamp: at, properties: { units: 25 } } })).status).toBe(200);
  expect((await stack.cron("/api/cron/usage-push")).status).toBe(200);
  const invoicing = await fetch(`${stack.odoo.url}/__sim/run_invoicing`, { method: "POST", body: JSON.stringify({ today: day(thisMonth) }) });
  expect(invoicing.status).toBe(200);
  return { api, apiKey, serviceId, code, metricCode, planCode, customerId, subscriptionId };
}

describe("invoices from Odoo", () => {
  it("lists a customer's Odoo invoices and shows one with its fees, taxes included", async () => {
    const setup = await invoicedCustomer();
    const listed = await setup.api.get("/invoices");
    expect(listed.status).toBe(200);
    expect(listed.body.meta).toEqual({ current_page: 1, next_page: null, prev_page: null, total_pages: 1, total_count: 1 });
    const [summary] = listed.body.invoices;
    // $29 + $7.50 = $36.50 before tax; Odoo's 15 % adds $5.48 (rounded per line: 4.35 + 1.13).
    expect(summary).toMatchObject({
      status: "finalized", payment_status: "pending", currency: "CAD", issuing_date: day(thisMonth), invoice_type: "subscription",
      fees_amount_cents: 3650, sub_total_excluding_taxes_amount_cents: 3650, taxes_amount_cents: 548, total_amount_cents: 4198, total_due_amount_cents: 4198,
      customer: expect.objectContaining({ external_id: setup.customerId }),
    });
    expect(summary.number).toMatch(/^INV\//);

    const shown = await setup.api.get(`/invoices/${summary.lago_id}`);
    expect(shown.status).toBe(200);
    const { fees, ...invoice } = shown.body.invoice;
    expect(invoice).toMatchObject({ lago_id: summary.lago_id, total_amount_cents: 4198, subscriptions: [expect.objectContaining({ external_id: setup.subscriptionId })] });
    expect(fees).toHaveLength(2);
    const usage = fees.find((fee: { item: { type: string } }) => fee.item.type === "charge");
    // The Odoo line reads 1 × $7.50; the units are the hub's period record.
    expect(usage).toMatchObject({
      item: expect.objectContaining({ code: setup.metricCode, name: "GB hours" }),
      units: "25", amount_cents: 750, taxes_amount_cents: 113, total_amount_cents: 863, taxes_rate: 15,
      from_date: `${day(previousMonth)}T00:00:00Z`, to_date: `${lastDayOf(previousMonth)}T23:59:59Z`,
      external_subscription_id: setup.subscriptionId, lago_invoice_id: summary.lago_id,
    });
    const fee = fees.find((f: { item: { type: string } }) => f.item.type === "subscription");
    expect(fee).toMatchObject({ item: expect.objectContaining({ code: setup.planCode }), units: "1", amount_cents: 2900, taxes_amount_cents: 435 });

    const perCustomer = await setup.api.get(`/customers/${setup.customerId}/invoices`);
    expect(perCustomer.body.invoices.map((i: { lago_id: string }) => i.lago_id)).toEqual([summary.lago_id]);
  });

  it("answers the due date Odoo dates from the customer's net_payment_term", async () => {
    const setup = await invoicedCustomer({ net_payment_term: 30 });
    const [invoice] = (await setup.api.get("/invoices")).body.invoices;
    expect(invoice).toMatchObject({ issuing_date: day(thisMonth), payment_due_date: day(new Date(thisMonth.getTime() + 30 * 86_400_000)), net_payment_term: 30 });
    expect(invoice.customer).toMatchObject({ external_id: setup.customerId, net_payment_term: 30 });
  });

  it("filters as Lago documents and refuses a filter it cannot apply", async () => {
    const setup = await invoicedCustomer();
    const ids = async (query: string) => {
      const response = await setup.api.get(`/invoices?${query}`);
      expect(response.status, JSON.stringify(response.body)).toBe(200);
      return response.body.invoices.length as number;
    };
    expect(await ids("payment_statuses[]=pending")).toBe(1);
    expect(await ids("payment_statuses[]=succeeded")).toBe(0);
    expect(await ids("statuses[]=finalized")).toBe(1);
    expect(await ids("status=draft")).toBe(0);
    expect(await ids(`issuing_date_from=${day(thisMonth)}&issuing_date_to=${day(thisMonth)}`)).toBe(1);
    expect(await ids(`issuing_date_to=${day(previousMonth)}`)).toBe(0);
    expect(await ids(`external_customer_id=${setup.customerId}`)).toBe(1);
    expect(await ids("currency=USD")).toBe(0);
    // Odoo's default term: due on the issuing date, so unpaid after it is overdue.
    const overdue = (await setup.api.get("/invoices")).body.invoices[0].payment_overdue as boolean;
    expect(await ids("payment_overdue=true")).toBe(overdue ? 1 : 0);
    expect(await ids("payment_overdue=false")).toBe(overdue ? 0 : 1);

    const refused = await setup.api.get("/invoices?amount_from=100");
    expect(refused.status).toBe(422);
    expect(refused.body).toMatchObject({ code: "validation_errors", error_details: { amount_from: ["filter_not_supported"] } });
    expect((await setup.api.get("/invoices?issuing_date_from=yesterday")).body.error_details).toEqual({ issuing_date_from: ["invalid_date"] });
    expect((await setup.api.get("/customers/nobody/invoices")).body).toMatchObject({ status: 404, code: "customer_not_found" });
  });

  it("never shows another service's invoice, nor an id it did not mint", async () => {
    const setup = await invoicedCustomer();
    const [invoice] = (await setup.api.get("/invoices")).body.invoices;
    const other = await stack.service(uniqueCode("other"));
    expect((await other.api.get("/invoices")).body).toMatchObject({ invoices: [], meta: { total_count: 0 } });
    expect((await other.api.get(`/invoices/${invoice.lago_id}`)).body).toEqual({ status: 404, error: "Not Found", code: "invoice_not_found" });
    for (const id of ["3f2b8c1e-9a4d-4e6f-8b2a-1c3d5e7f9a0b", "not-a-uuid"]) {
      expect((await setup.api.get(`/invoices/${id}`)).status).toBe(404);
    }
  });

  it("hands out Odoo's portal link to pay, and the PDF through the hub for the key's own invoices only", async () => {
    const setup = await invoicedCustomer();
    const [invoice] = (await setup.api.get("/invoices")).body.invoices;
    const payment = await setup.api.post(`/invoices/${invoice.lago_id}/payment_url`);
    expect(payment.status).toBe(200);
    expect(payment.body.invoice_payment_details).toMatchObject({ lago_invoice_id: invoice.lago_id, external_customer_id: setup.customerId, payment_provider: "odoo" });
    const link = new URL(payment.body.invoice_payment_details.payment_url);
    expect(`${link.origin}${link.pathname}`).toBe(`${stack.odoo.url}/my/invoices/${invoice.sequential_id}`);
    // The same token each time: Odoo keeps the first one.
    expect((await setup.api.post(`/invoices/${invoice.lago_id}/payment_url`)).body.invoice_payment_details.payment_url).toBe(link.toString());
    expect((await fetch(link, { redirect: "manual" })).status).toBe(200);

    const download = await setup.api.post(`/invoices/${invoice.lago_id}/download`);
    expect(download.body.invoice).toMatchObject({ lago_id: invoice.lago_id, file_url: `${stack.app.baseUrl}/api/v1/invoices/${invoice.lago_id}/pdf` });
    const pdf = await fetch(download.body.invoice.file_url, { headers: { authorization: `Bearer ${setup.apiKey}` } });
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get("content-type")).toBe("application/pdf");
    expect(pdf.headers.get("content-disposition")).toContain(encodeURIComponent(invoice.number.replaceAll("/", "_")));
    expect((await pdf.text()).startsWith("%PDF-")).toBe(true);

    const other = await stack.service(uniqueCode("other"));
    for (const response of [
      await fetch(download.body.invoice.file_url, { headers: { authorization: `Bearer ${other.apiKey}` } }),
      await fetch(download.body.invoice.file_url),
    ]) expect(response.status).not.toBe(200);
    expect((await other.api.post(`/invoices/${invoice.lago_id}/payment_url`)).status).toBe(404);

    // Paid in Odoo: nothing left to pay.
    await fetch(`${stack.odoo.url}/__sim/payment`, { method: "POST", body: JSON.stringify({ move_id: invoice.sequential_id, payment_state: "paid" }) });
    const paid = await setup.api.post(`/invoices/${invoice.lago_id}/payment_url`);
    expect(paid).toMatchObject({ status: 422, body: { error_details: { base: ["invalid_payment_status"] } } });
    expect((await setup.api.get(`/invoices/${invoice.lago_id}`)).body.invoice).toMatchObject({ payment_status: "succeeded", total_due_amount_cents: 0 });
  });

  it("answers the official client's invoice calls", async () => {
    const setup = await invoicedCustomer();
    const lago = Client(setup.apiKey, { baseUrl: `${stack.app.baseUrl}/api/v1` });
    const { data: list } = await lago.invoices.findAllInvoices({ external_customer_id: setup.customerId, "payment_statuses[]": ["pending"] });
    expect(list.invoices).toHaveLength(1);
    const { data: shown } = await lago.invoices.findInvoice(list.invoices[0]!.lago_id);
    expect(shown.invoice.fees?.map((fee) => fee.units).sort()).toEqual(["1", "25"]);
    expect((await lago.customers.findAllCustomerInvoices(setup.customerId)).data.invoices).toHaveLength(1);
    const missing = await lago.invoices.findInvoice("3f2b8c1e-9a4d-4e6f-8b2a-1c3d5e7f9a0b").catch((error: { status: number; error: unknown }) => error);
    expect(missing).toMatchObject({ status: 404, error: { code: "invoice_not_found" } });
  });

  it("gives a customer Odoo's portal page of its subscription, as its portal and its checkout, and says why when there is none yet", async () => {
    const setup = await invoicedCustomer();
    const lago = Client(setup.apiKey, { baseUrl: `${stack.app.baseUrl}/api/v1` });
    const { data } = await lago.customers.getCustomerPortalUrl(setup.customerId);
    const link = new URL(data.customer.portal_url!);
    const subscription = await stack.db.subscription.findFirstOrThrow({ where: { serviceId: setup.serviceId, externalId: setup.subscriptionId } });
    expect(`${link.origin}${link.pathname}`).toBe(`${stack.odoo.url}/my/orders/${subscription.odooOrderId}`);
    expect((await fetch(link, { redirect: "manual" })).status).toBe(200);
    expect((await lago.customers.getCustomerPortalUrl(setup.customerId)).data.customer.portal_url).toBe(link.toString());
    // Where the customer keeps a payment method: the same Odoo page, in Lago's checkout shape.
    const { data: checkout } = await lago.customers.generateCustomerCheckoutUrl(setup.customerId);
    expect(checkout.customer).toEqual({
      lago_customer_id: expect.any(String), external_customer_id: setup.customerId, payment_provider: "odoo", payment_provider_code: null, checkout_url: link.toString(),
    });
    expect((await setup.api.get(`/customers/${setup.customerId}/checkout_url`)).status).toBe(405);

    await setup.api.post("/customers", { customer: { external_id: "no-subscription-yet", name: "Hooli", currency: "CAD" } });
    expect(await setup.api.get("/customers/no-subscription-yet/portal_url")).toMatchObject({ status: 422, body: { error_details: { customer: ["no_odoo_subscription"] } } });
    expect(await setup.api.post("/customers/no-subscription-yet/checkout_url", {})).toMatchObject({ status: 422, body: { error_details: { customer: ["no_odoo_subscription"] } } });
    expect((await setup.api.get("/customers/nobody/portal_url")).status).toBe(404);
    expect(await setup.api.post("/customers/nobody/checkout_url", {})).toMatchObject({ status: 404, body: { code: "customer_not_found" } });
    const other = await stack.service(uniqueCode("other"));
    expect((await other.api.get(`/customers/${setup.customerId}/portal_url`)).status).toBe(404);
  });
});
