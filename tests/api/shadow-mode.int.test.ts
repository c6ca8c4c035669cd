import { beforeAll, describe, expect, it } from "vitest";
import { signedInAs, trpcCode } from "../support/console-session";
import { createTestService, testDb } from "../support/fixtures";
import { lagoCustomer, lagoFee, lagoInvoice, startLagoPeer } from "../support/lago-peer";

/* A service's billing mode and Lago connection set from the console, and a shadow service's invoice reads answered by its Lago, over real HTTP. */
describe("shadow mode", () => {
  let admin: Awaited<ReturnType<typeof signedInAs>>;
  beforeAll(async () => {
    admin = await signedInAs("admin");
  });

  it("sets the mode and the Lago connection, audited, the key never returned nor audited", async () => {
    const { service } = await createTestService("shadow");
    const peer = await startLagoPeer();
    try {
      // Shadow without a connection would leave the proxied reads nowhere to go.
      expect(await trpcCode(admin.client.services.setBillingMode.mutate({ id: service.id, mode: "shadow" }))).toBe("UNPROCESSABLE_CONTENT");
      // The outbound guard refuses a Lago inside the network.
      expect(await trpcCode(admin.client.services.setLagoConnection.mutate({ id: service.id, lagoApiUrl: "http://10.0.0.1/api/v1", lagoApiKey: "k" }))).toBe("UNPROCESSABLE_CONTENT");

      const connected = await admin.client.services.setLagoConnection.mutate({ id: service.id, lagoApiUrl: peer.url, lagoApiKey: peer.apiKey });
      expect(connected).toMatchObject({ lagoApiUrl: `${peer.url}/api/v1`, lagoKeySet: true, billingMode: "live" });
      const shadow = await admin.client.services.setBillingMode.mutate({ id: service.id, mode: "shadow", reason: "migration dry run" });
      expect(shadow).toMatchObject({ billingMode: "shadow", lagoKeySet: true });
      // A shadow service keeps its connection.
      expect(await trpcCode(admin.client.services.setLagoConnection.mutate({ id: service.id, lagoApiUrl: null }))).toBe("UNPROCESSABLE_CONTENT");
      // Changing only the URL keeps the stored key.
      expect(await admin.client.services.setLagoConnection.mutate({ id: service.id, lagoApiUrl: `${peer.url}/` })).toMatchObject({ lagoKeySet: true });

      const listed = (await admin.client.services.list.query({ pageSize: 100, search: service.code })).rows;
      expect(listed).toEqual([expect.objectContaining({ id: service.id, billingMode: "shadow", lagoKeySet: true })]);
      const db = await testDb();
      const audits = await db.auditLog.findMany({ where: { entityId: service.id }, orderBy: { createdAt: "asc" } });
      expect(audits.map((row) => row.action)).toEqual(["service.set_lago_connection", "service.set_billing_mode", "service.set_lago_connection"]);
      expect(audits[1]).toMatchObject({ before: { billingMode: "live" }, after: { billingMode: "shadow", reason: "migration dry run" } });
      const stored = await db.service.findUniqueOrThrow({ where: { id: service.id } });
      for (const seen of [JSON.stringify(connected), JSON.stringify(shadow), JSON.stringify(listed), JSON.stringify(audits)]) {
        expect(seen).not.toContain(peer.apiKey);
        expect(seen).not.toContain(stored.lagoApiKeySealed);
      }
    } finally {
      await peer.close();
    }
  });

  it("answers a shadow service's invoice reads from its Lago, as Lago answered, and a live one's from the hub", async () => {
    const shadowService = await createTestService("shadow");
    const liveService = await createTestService("live");
    const peer = await startLagoPeer();
    try {
      const invoice = lagoInvoice("LAGO-0001", "cust-1", "2025-02-01", [
        lagoFee({ customerId: "cust-1", subscriptionId: "sub-1", metricCode: "units", units: "3", amountCents: 150, from: "2025-01-01T00:00:00Z", to: "2025-01-31T23:59:59Z" }),
      ]);
      peer.data.invoices.push(invoice);
      await admin.client.services.setLagoConnection.mutate({ id: shadowService.service.id, lagoApiUrl: peer.url, lagoApiKey: peer.apiKey });
      await admin.client.services.setBillingMode.mutate({ id: shadowService.service.id, mode: "shadow" });

      const list = await shadowService.api.get("/invoices?per_page=10");
      expect(list.status).toBe(200);
      expect(list.body.invoices).toEqual([expect.objectContaining({ lago_id: invoice.lago_id, number: "LAGO-0001" })]);
      expect(list.body.meta).toMatchObject({ total_count: 1 });
      // The query went on to Lago with the path, as the app sent it.
      expect(peer.requests).toContain("/api/v1/invoices?per_page=10");

      const one = await shadowService.api.get(`/invoices/${invoice.lago_id}`);
      expect(one.status).toBe(200);
      expect(one.body.invoice).toMatchObject({ lago_id: invoice.lago_id, fees: [expect.objectContaining({ units: "3" })] });
      // Lago's own 404 comes back as it came.
      const missing = await shadowService.api.get("/invoices/00000000-0000-4000-8000-000000000000");
      expect(missing).toMatchObject({ status: 404, body: { code: "invoice_not_found" } });

      // The POST reads too: Lago's file_url and payment link, not the hub's.
      const download = await shadowService.api.post(`/invoices/${invoice.lago_id}/download`);
      expect(download).toMatchObject({ status: 200, body: { invoice: { lago_id: invoice.lago_id, file_url: `https://lago.example.test/invoices/${invoice.lago_id}.pdf` } } });
      const payment = await shadowService.api.post(`/invoices/${invoice.lago_id}/payment_url`);
      expect(payment).toMatchObject({ status: 200, body: { invoice_payment_details: { payment_provider: "stripe", payment_url: `https://pay.example.test/${invoice.lago_id}` } } });
      const customerInvoices = await shadowService.api.get("/customers/cust-1/invoices");
      expect(customerInvoices.status).toBe(404); // the peer has no such path: Lago's 404, passed on
      expect(peer.requests).toContain("/api/v1/customers/cust-1/invoices");
      peer.data.customers.push(lagoCustomer("cust-1", 1));
      const portal = await shadowService.api.get("/customers/cust-1/portal_url");
      expect(portal).toMatchObject({ status: 200, body: { customer: { portal_url: "https://lago.example.test/customer-portal/cust-1" } } });

      // A live service is answered by the hub (its Odoo holds none of Lago's invoices).
      const live = await liveService.api.get("/invoices");
      expect(live.status).toBe(200);
      expect(live.body.invoices).toEqual([]);
      expect(peer.requests.filter((path) => path.startsWith("/api/v1/invoices"))).toHaveLength(5);
    } finally {
      await peer.close();
    }
  });

  it("answers 503 in Lago's error shape when a shadow service's Lago does not answer, never the hub's empty list", async () => {
    const { service, api } = await createTestService("shadow");
    const peer = await startLagoPeer();
    await admin.client.services.setLagoConnection.mutate({ id: service.id, lagoApiUrl: peer.url, lagoApiKey: peer.apiKey });
    await admin.client.services.setBillingMode.mutate({ id: service.id, mode: "shadow" });
    await peer.close();
    const answer = await api.get("/invoices");
    expect(answer.status).toBe(503);
    expect(answer.body).toMatchObject({ status: 503 });
  });
});
