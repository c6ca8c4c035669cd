import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type OdooSimulator, startOdooSimulator } from "~/odoo-sim";
import { listCustomerInvoices } from "~/server/customers/list-customer-invoices";
import { listCustomerOrderWarnings } from "~/server/customers/list-customer-order-warnings";
import { AppError } from "~/server/errors";
import { createOdooClient } from "~/server/odoo";
import { seedSubscribedCustomer } from "../webhooks/webhook-fixtures";
import { signedInAs, trpcCode } from "../support/console-session";
import { testDb } from "../support/fixtures";

describe("customer pages", () => {
  let simulator: OdooSimulator;
  beforeAll(async () => {
    simulator = await startOdooSimulator({ apiKey: "customers-test-key", today: "2025-01-01" });
  });
  afterAll(() => simulator?.close());

  it("reads the customer's Odoo invoices, and says why when it cannot", async () => {
    const db = await testDb();
    const seeded = simulator.seed({ startDate: "2025-01-01" });
    simulator.runInvoicing("2025-01-01");
    const { subscription } = await seedSubscribedCustomer(db, { webhookUrl: null, odooPartnerId: seeded.partner_id });
    const billingCustomerId = (await db.accountLink.findUniqueOrThrow({ where: { id: subscription.accountLinkId } })).billingCustomerId;
    const odoo = () => createOdooClient({ baseUrl: simulator.url, apiKey: simulator.apiKey, protocol: "json2", retry: { baseDelayMs: 1 } });

    const read = await listCustomerInvoices({ db, id: billingCustomerId, odoo });
    expect(read.status).toBe("ok");
    expect(read.status === "ok" && read.invoices[0]).toMatchObject({ partnerId: seeded.partner_id, moveType: "out_invoice", state: "posted" });

    simulator.setFault({ mode: "down" });
    expect(await listCustomerInvoices({ db, id: billingCustomerId, odoo })).toMatchObject({ status: "unavailable" });
    simulator.setFault({ mode: "none" });
    const notConfigured = () => { throw new AppError("unavailable", "Odoo is not configured: set ODOO_URL and ODOO_API_KEY"); };
    expect(await listCustomerInvoices({ db, id: billingCustomerId, odoo: notConfigured })).toEqual({ status: "not_configured", message: "Odoo is not configured: set ODOO_URL and ODOO_API_KEY" });
    await db.billingCustomer.update({ where: { id: billingCustomerId }, data: { odooPartnerId: null } });
    expect(await listCustomerInvoices({ db, id: billingCustomerId, odoo })).toEqual({ status: "no_partner" });
  });

  it("says which running order Odoo will not invoice because it waits for an online payment", async () => {
    const db = await testDb();
    const seeded = simulator.seed({ startDate: "2025-01-01" });
    const { subscription } = await seedSubscribedCustomer(db, { webhookUrl: null, odooPartnerId: seeded.partner_id, odooOrderId: seeded.order_id });
    const billingCustomerId = (await db.accountLink.findUniqueOrThrow({ where: { id: subscription.accountLinkId } })).billingCustomerId;
    const odoo = () => createOdooClient({ baseUrl: simulator.url, apiKey: simulator.apiKey, protocol: "json2", retry: { baseDelayMs: 1 } });
    expect(await listCustomerOrderWarnings({ db, id: billingCustomerId, odoo })).toEqual({ status: "ok", warnings: [] });

    await odoo().call("sale.order", "write", { ids: [seeded.order_id], vals: { require_payment: true } });
    const gated = await listCustomerOrderWarnings({ db, id: billingCustomerId, odoo });
    expect(gated).toMatchObject({ status: "ok", warnings: [{ subscriptionId: subscription.id, odooOrderId: seeded.order_id }] });
    expect(gated.status === "ok" && gated.warnings[0]!.message).toMatch(/requires online payment and has no payment token/);
    const finance = await signedInAs("finance");
    expect(await finance.client.customers.orderWarnings.query({ id: billingCustomerId })).toMatchObject({ warnings: [{ subscriptionId: subscription.id }] });

    simulator.setFault({ mode: "down" });
    expect(await listCustomerOrderWarnings({ db, id: billingCustomerId, odoo })).toMatchObject({ status: "unavailable" });
    simulator.setFault({ mode: "none" });
    // An ended subscription's order no longer matters to finance.
    await db.subscription.update({ where: { id: subscription.id }, data: { status: "terminated", terminatedAt: new Date() } });
    expect(await listCustomerOrderWarnings({ db, id: billingCustomerId, odoo })).toEqual({ status: "ok", warnings: [] });
  });

  it("shows a customer's accounts, subscriptions and webhooks to finance and ops; an unknown id is not found", async () => {
    const db = await testDb();
    const { subscription, customer, service } = await seedSubscribedCustomer(db, { webhookUrl: null });
    await db.webhookDelivery.create({ data: { serviceId: service.id, orderingKey: customer.id, webhookType: "subscription.terminated", payload: {}, retryUntil: new Date() } });
    const [finance, ops] = await Promise.all([signedInAs("finance"), signedInAs("ops")]);
    const page = await finance.client.customers.get.query({ id: customer.billingCustomerId });
    expect(page.accounts.map((account) => account.externalId)).toContain(customer.externalId);
    expect(page.subscriptions.find((row) => row.id === subscription.id)).toMatchObject({ status: "active", currentUsage: { amountCents: 0n } });
    expect(page.webhooks.map((delivery) => delivery.webhookType)).toEqual(["subscription.terminated"]);
    await expect(ops.client.customers.list.query({ search: customer.externalId })).resolves.toMatchObject({ totalCount: 1 });
    expect(await trpcCode(ops.client.customers.get.query({ id: "00000000-0000-4000-8000-000000000000" }))).toBe("NOT_FOUND");
  });
});
