import { Client } from "lago-javascript-client";
import { afterAll, beforeAll, expect, it } from "vitest";
import { createDb, type Db } from "~/server/db/client";
import { createService } from "~/server/services/create-service";
import { createTestDatabase, type RunningApp, startApp, TEST_CRON_SECRET } from "../support/app-server";
import { uniqueCode } from "../support/fixtures";
import { describeEachPeer } from "./support/peers";

/*
 * The official lago-javascript-client, unmodified, against the hub wired to each peer that
 * models sale_subscription (the simulator, and real Odoo 19 with the stand-in): what an
 * app switching from Lago does with its customers' money — a prepaid plan invoiced by
 * Odoo when its month opens, the invoice and its payment page read back, the customer's
 * portal, then an end mid-month credited by the hub — in Lago's shapes, from Odoo's data.
 */
const now = new Date();
const monthStart = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1));
const day = (date: Date) => date.toISOString().slice(0, 10);
const daysInMonth = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 0)).getUTCDate();

describeEachPeer("lago-javascript-client against the hub on Odoo", (peer) => {
  let database: { url: string; drop: () => Promise<void> };
  let db: { db: Db; close: () => Promise<void> };
  let app: RunningApp;
  beforeAll(async () => {
    database = await createTestDatabase("nexa_client");
    db = await createDb(database.url, { poolSize: 2 });
    const { url, database: odooDatabase, hub } = peer();
    app = await startApp({ DATABASE_URL: database.url, ODOO_URL: url, ODOO_DATABASE: odooDatabase, ODOO_API_KEY: hub.apiKey, ODOO_LOGIN: hub.login, CRON_SECRET: TEST_CRON_SECRET });
  }, 120_000);
  afterAll(async () => {
    await app?.stop();
    await db?.close();
    await database?.drop();
  });

  it("reads the invoice Odoo issued, its payment page and the customer's portal, then the credit note of an end mid-month", async () => {
    const { apiKey } = await createService({ db: db.db, code: uniqueCode("svc"), name: "NexaCloud" });
    const lago = Client(apiKey, { baseUrl: `${app.baseUrl}/api/v1` });
    const cron = () => fetch(`${app.baseUrl}/api/cron/usage-push`, { method: "POST", headers: { "x-cron-secret": TEST_CRON_SECRET } }).then((r) => r.json());
    const planCode = uniqueCode("plan");
    const customerId = uniqueCode("cust");
    const subscriptionId = uniqueCode("sub");
    const fee = daysInMonth * 100;

    // One dollar a day of this month: the credit below stays in whole cents.
    await lago.plans.createPlan({ plan: { name: "Cloud", code: planCode, interval: "monthly", amount_cents: fee, amount_currency: "USD", pay_in_advance: true, charges: [] } });
    await lago.customers.createCustomer({ customer: { external_id: customerId, name: "Initech", currency: "USD", email: "ap@initech.test" } });
    await lago.subscriptions.createSubscription({ subscription: { external_customer_id: customerId, plan_code: planCode, external_id: subscriptionId, billing_time: "calendar", subscription_at: monthStart.toISOString() } });
    await cron();
    await peer().runSubscriptionCrons(day(monthStart));

    const { data: list } = await lago.invoices.findAllInvoices({ external_customer_id: customerId });
    expect(list.meta.total_count).toBe(1);
    const { data: shown } = await lago.invoices.findInvoice(list.invoices[0]!.lago_id);
    expect(shown.invoice).toMatchObject({ issuing_date: day(monthStart), status: "finalized", payment_status: "pending", currency: "USD", fees_amount_cents: fee });
    expect(shown.invoice.fees).toEqual([expect.objectContaining({ amount_cents: fee, item: expect.objectContaining({ type: "subscription", code: planCode }), external_subscription_id: subscriptionId })]);
    const { data: pay } = await lago.invoices.invoicePaymentUrl(shown.invoice.lago_id);
    const paymentUrl = pay.invoice_payment_details?.payment_url ?? "";
    expect(paymentUrl).toMatch(new RegExp(`^${peer().url}/my/invoices/\\d+\\?access_token=`));
    const portal = await fetch(paymentUrl, { redirect: "manual" });
    expect(portal.status).toBe(200);
    const { data: customerPortal } = await lago.customers.getCustomerPortalUrl(customerId);
    expect(customerPortal.customer.portal_url).toMatch(new RegExp(`^${peer().url}/my/`));

    // Ended today: the days after today are credited, none when today is the month's last.
    const { data: ended } = await lago.subscriptions.destroySubscription(subscriptionId);
    expect(ended.subscription).toMatchObject({ status: "terminated", on_termination_credit_note: "credit" });
    await cron();
    const unusedDays = daysInMonth - now.getUTCDate();
    const { data: notes } = await lago.creditNotes.findAllCreditNotes({ external_customer_id: customerId });
    expect(notes.credit_notes.map((note) => ({ invoice: note.lago_invoice_id, amount: note.sub_total_excluding_taxes_amount_cents, reason: note.reason, status: note.credit_status })))
      .toEqual(unusedDays ? [{ invoice: shown.invoice.lago_id, amount: unusedDays * 100, reason: "order_cancellation", status: "consumed" }] : []);
    if (unusedDays) {
      const { data: note } = await lago.creditNotes.findCreditNote(notes.credit_notes[0]!.lago_id);
      expect(note.credit_note.items).toEqual([expect.objectContaining({ amount_cents: unusedDays * 100, fee: expect.objectContaining({ lago_id: shown.invoice.fees![0]!.lago_id }) })]);
    }
  }, 300_000);
}, { needs: "subscriptions" });
