import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createOdooClient, issueCreditNote, type OdooClient } from "~/server/odoo";
import { env } from "~/server/env";
import { drainWebhooks, pollOdooLifecycle, webhookSettings } from "~/server/webhooks";
import { type IsolatedStack, STACK_ODOO_API_KEY, startIsolatedStack } from "../support/isolated-stack";
import { seedSubscribedCustomer, startReceiver } from "./webhook-fixtures";

const settings = webhookSettings(env());

const WEBHOOK_SECRET = "odoo-webhook-secret-0123456789";
// Odoo's clock on the real date, so invoices fall inside the poller's look-back window.
const TODAY = new Date().toISOString().slice(0, 10);

let stack: IsolatedStack;
let odoo: OdooClient;
let receiver: Awaited<ReturnType<typeof startReceiver>>;

beforeAll(async () => {
  stack = await startIsolatedStack({ env: { ODOO_WEBHOOK_SECRET: WEBHOOK_SECRET }, odooToday: TODAY });
  odoo = createOdooClient({ baseUrl: stack.odoo.url, apiKey: STACK_ODOO_API_KEY, database: stack.odoo.database, protocol: "json2" });
  receiver = await startReceiver("whsec_lifecycle_test");
});

afterAll(async () => {
  await receiver?.close();
  await stack?.stop();
});

/** What Odoo's automation rule would POST to the hub. */
function odooWebhook(body: unknown, auth: { path?: string; header?: string } = { path: WEBHOOK_SECRET }) {
  return fetch(`${stack.app.baseUrl}/api/odoo/webhook${auth.path ? `/${auth.path}` : ""}`, {
    method: "POST",
    headers: { "content-type": "application/json", ...(auth.header ? { "x-odoo-webhook-secret": auth.header } : {}) },
    body: JSON.stringify(body),
  }).then(async (response) => ({ status: response.status, body: await response.json() }));
}

const setPayment = (moveId: number, paymentState: string) =>
  fetch(`${stack.odoo.url}/__sim/payment`, { method: "POST", body: JSON.stringify({ move_id: moveId, payment_state: paymentState }) });

/** An Odoo subscription with one posted invoice, mapped to a hub subscription of a subscribed service. */
async function subscribedInvoice() {
  const seed = stack.odoo.seed({ startDate: TODAY });
  const [invoiced] = stack.odoo.runInvoicing(TODAY).filter((row) => row.order_id === seed.order_id);
  const seeded = await seedSubscribedCustomer(stack.db, {
    webhookUrl: receiver.url, secret: "whsec_lifecycle_test", odooPartnerId: seed.partner_id, odooOrderId: seed.order_id,
  });
  return { seed, moveId: invoiced!.move_id!, seeded };
}

const eventsFor = (odooModel: string, odooId: number) =>
  stack.db.lifecycleEvent.findMany({ where: { odooModel, odooId }, orderBy: { createdAt: "asc" }, include: { deliveries: { orderBy: { sequence: "asc" } } } });

describe("Odoo lifecycle → webhooks", () => {
  it("refuses calls without the shared secret and ignores models it does not watch", async () => {
    expect((await odooWebhook({ _id: 1, _model: "account.move" }, { path: "wrong-secret-0123456789" })).status).toBe(401);
    expect((await odooWebhook({ _id: 1, _model: "account.move" }, {})).status).toBe(401);
    expect((await odooWebhook({ _id: 1, _model: "account.move" }, { path: `${WEBHOOK_SECRET}/extra` })).status).toBe(401);
    expect((await odooWebhook({ _model: "account.move" })).status).toBe(400);
    expect(await odooWebhook({ _id: 1, _model: "res.partner" })).toEqual({ status: 200, body: { ignored: true, observed: 0, events: [] } });
  });

  it("a payment webhook is a hint: re-read, recorded once even when the poller sees it too, then delivered", async () => {
    const { seed, moveId, seeded } = await subscribedInvoice();
    // A second service on the same customer without a webhook URL hears nothing.
    const silent = await seedSubscribedCustomer(stack.db, { webhookUrl: null, odooPartnerId: seed.partner_id, odooOrderId: seed.order_id });

    // An unpaid invoice seen for the first time was created; seen again, it is no event, whoever reports it.
    expect((await pollOdooLifecycle({ db: stack.db, settings, odoo })).events.filter((e) => e.uniqueKey.startsWith(`account.move:${moveId}:`)).map((e) => e.kind)).toEqual(["invoice_created"]);
    // The body claims "paid" but Odoo still says not_paid: the hub believes Odoo.
    expect((await odooWebhook({ _action: "Payment(#1)", _id: moveId, _model: "account.move", payment_state: "paid" })).body.events).toEqual([]);

    await setPayment(moveId, "paid");
    expect(await odooWebhook({ _action: "Payment(#1)", _id: moveId, _model: "account.move", payment_state: "paid", partner_id: seed.partner_id }))
      .toEqual({ status: 200, body: { ignored: false, observed: 1, events: ["payment_succeeded"] } });
    expect((await odooWebhook({ _id: moveId, _model: "account.move" })).body.events).toEqual([]);
    expect((await pollOdooLifecycle({ db: stack.db, settings, odoo })).events).toEqual([]);

    const [created, event, ...more] = await eventsFor("account.move", moveId);
    expect(more).toEqual([]);
    expect(created).toMatchObject({ kind: "invoice_created", source: "poll", state: "not_paid", previousState: null });
    expect(created!.deliveries.map((d) => [d.serviceId, d.webhookType])).toEqual([[seeded.service.id, "invoice.created"]]);
    expect(event).toMatchObject({ kind: "payment_succeeded", source: "webhook", state: "paid", previousState: "not_paid", uniqueKey: `account.move:${moveId}:paid:v2` });
    expect(event!.deliveries.map((d) => [d.serviceId, d.webhookType])).toEqual([[seeded.service.id, "invoice.payment_status_updated"]]);
    expect(await stack.db.webhookDelivery.count({ where: { serviceId: silent.service.id } })).toBe(0);

    await drainWebhooks({ db: stack.db, settings });
    const sent = receiver.payloads().find((p) => p.nexa.event_id === event!.id);
    expect(sent).toMatchObject({
      webhook_type: "invoice.payment_status_updated",
      // The plan's 100.00 and the 15 % sale tax Odoo puts on new products: Lago's total includes taxes too.
      invoice: { number: expect.stringMatching(/^INV\//), payment_status: "succeeded", total_amount_cents: 11_500, currency: "USD" },
    });
    expect(sent!.invoice.subscriptions.map((s: any) => s.external_id)).toEqual([seeded.subscription.externalId]);
  });

  it("the poller catches a lost webhook: a payment that bounces is a failure", async () => {
    const { moveId } = await subscribedInvoice();
    await setPayment(moveId, "paid");
    expect((await pollOdooLifecycle({ db: stack.db, settings, odoo })).events.map((e) => e.kind)).toEqual(["payment_succeeded"]);
    await setPayment(moveId, "not_paid");
    // Through the cron route this time, as production runs it.
    const polled = await stack.cron("/api/cron/odoo-poll");
    expect(polled.status).toBe(200);
    expect(polled.body.events.map((e: any) => e.kind)).toEqual(["payment_failed"]);

    const events = await eventsFor("account.move", moveId);
    expect(events.map((e) => [e.kind, e.source])).toEqual([["payment_succeeded", "poll"], ["payment_failed", "poll"]]);
    expect(events[1]!.deliveries.map((d) => d.webhookType)).toEqual(["invoice.payment_failure", "invoice.payment_status_updated"]);

    expect((await stack.cron("/api/cron/webhooks")).status).toBe(200);
    const sent = receiver.payloads().filter((p) => p.nexa.odoo_id === moveId).map((p) => [p.webhook_type, p.invoice?.payment_status ?? p.object_type]);
    expect(sent).toEqual([
      // First seen already paid: created, then paid.
      ["invoice.created", "succeeded"],
      ["invoice.payment_status_updated", "succeeded"],
      ["invoice.payment_failure", "payment_provider_invoice_payment_error"],
      ["invoice.payment_status_updated", "failed"],
    ]);
  });

  it("a churned subscription (header-authenticated webhook) sends subscription.terminated", async () => {
    const { seed, seeded } = await subscribedInvoice();
    await odoo.call("sale.order", "write", { ids: [seed.order_id], vals: { subscription_state: "6_churn" } });
    const answer = await odooWebhook({ _id: seed.order_id, _model: "sale.order", subscription_state: "6_churn" }, { header: WEBHOOK_SECRET });
    expect(answer).toEqual({ status: 200, body: { ignored: false, observed: 1, events: ["subscription_terminated"] } });
    // The poller no longer reads an order it knows has ended (its invoice, first seen, was created).
    expect((await pollOdooLifecycle({ db: stack.db, settings, odoo })).events.map((e) => e.kind)).toEqual(["invoice_created"]);

    await drainWebhooks({ db: stack.db, settings });
    const sent = receiver.payloads().find((p) => p.webhook_type === "subscription.terminated" && p.nexa.odoo_id === seed.order_id);
    expect(sent).toMatchObject({
      object_type: "subscription",
      subscription: {
        external_id: seeded.subscription.externalId, status: "terminated", plan: { code: expect.any(String) },
        customer: { external_id: seeded.customer.externalId },
      },
    });
    // The hub's own record follows Odoo: the Lago API no longer reports it active.
    const hubSide = await stack.db.subscription.findUniqueOrThrow({ where: { id: seeded.subscription.id } });
    expect(hubSide.status).toBe("terminated");
    expect(hubSide.terminatedAt).not.toBeNull();
  });

  it("an invoice still owed after its due date is overdue, once; paid later, it is a payment", async () => {
    const { moveId } = await subscribedInvoice();
    const ours = (result: { events: Array<{ kind: string; uniqueKey: string }> }) => result.events.filter((e) => e.uniqueKey.startsWith(`account.move:${moveId}:`)).map((e) => e.kind);
    const poll = (hoursFromNow: number) => pollOdooLifecycle({ db: stack.db, settings, odoo, now: new Date(Date.now() + hoursFromNow * 3_600_000) });
    // Odoo's default term: due the day it is issued.
    expect(ours(await poll(0))).toEqual(["invoice_created"]);
    expect(ours(await poll(24))).toEqual(["payment_overdue"]);
    expect(ours(await poll(25))).toEqual([]);
    await setPayment(moveId, "paid");
    expect(ours(await poll(26))).toEqual(["payment_succeeded"]);

    await drainWebhooks({ db: stack.db, settings, now: new Date(Date.now() + 27 * 3_600_000) });
    const sent = receiver.payloads().filter((p) => p.nexa.odoo_id === moveId).map((p) => [p.webhook_type, p.invoice.payment_status, p.invoice.payment_overdue]);
    expect(sent).toEqual([
      ["invoice.created", "pending", false],
      ["invoice.payment_overdue", "pending", true],
      ["invoice.payment_status_updated", "succeeded", false],
    ]);
  });

  it("announces a credit note once, as Lago's credit_note.created, never as an invoice", async () => {
    const { moveId, seed } = await subscribedInvoice();
    const kindsOf = (result: { events: Array<{ kind: string; uniqueKey: string }> }, id: number) => result.events.filter((e) => e.uniqueKey.startsWith(`account.move:${id}:`)).map((e) => e.kind);
    expect(kindsOf(await pollOdooLifecycle({ db: stack.db, settings, odoo, now: new Date() }), moveId)).toEqual(["invoice_created"]);
    // A credit note reversing the invoice, as the hub issues for a prepaid plan's unused days; Odoo reconciles it with the owed invoice.
    const refundId = await issueCreditNote(odoo, {
      ref: `nexa:credit:test-${moveId}`, invoiceId: moveId, date: TODAY,
      line: { productId: seed.product_ids.usage, name: "unused days", priceUnit: 1, taxIds: [], saleLineIds: [seed.line_ids.usage] },
    });
    expect(kindsOf(await pollOdooLifecycle({ db: stack.db, settings, odoo, now: new Date(Date.now() + 3_600_000) }), refundId)).toEqual(["credit_note_created"]);
    expect(kindsOf(await pollOdooLifecycle({ db: stack.db, settings, odoo, now: new Date(Date.now() + 2 * 3_600_000) }), refundId)).toEqual([]);

    await drainWebhooks({ db: stack.db, settings, now: new Date(Date.now() + 3 * 3_600_000) });
    const sent = receiver.payloads().filter((p) => p.nexa.odoo_id === refundId);
    expect(sent.map((p) => [p.webhook_type, p.object_type])).toEqual([["credit_note.created", "credit_note"]]);
    expect(sent[0]!.credit_note).toMatchObject({ reason: "order_cancellation", lago_invoice_id: expect.any(String), total_amount_cents: 100, items: [expect.objectContaining({ amount_cents: 100 })] });
    // The credit note names the invoice the app was told about.
    const invoice = receiver.payloads().find((p) => p.nexa.odoo_id === moveId && p.webhook_type === "invoice.created")!;
    expect(sent[0]!.credit_note.lago_invoice_id).toBe(invoice.invoice.lago_id);
  });

  it("cron routes refuse a call without the cron secret", async () => {
    for (const path of ["/api/cron/webhooks", "/api/cron/odoo-poll", "/api/cron/webhooks/replay?service_code=x"]) {
      expect((await fetch(`${stack.app.baseUrl}${path}`, { method: "POST" })).status).toBe(401);
    }
    expect((await stack.cron("/api/cron/webhooks/replay?delivery_id=00000000-0000-4000-8000-000000000000")).status).toBe(404);
  });
});
