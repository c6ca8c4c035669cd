import { createPublicKey, randomBytes } from "node:crypto";
import { jwtVerify } from "jose";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { verifyLagoSignature, verifyNexaWebhook } from "~/lib/verify-webhook";
import type { Db } from "~/server/db/client";
import type { OdooObservation } from "~/server/webhooks";
import { webhookSigningKey } from "~/server/webhooks/webhook-signing-key";
import { uniqueCode } from "../support/fixtures";

export interface ReceivedWebhook {
  uniqueKey: string;
  body: string;
  headers: IncomingMessage["headers"];
  signatureOk: boolean;
}

/**
 * Lago's X-Lago-Signature as a Lago receiver checks it, by X-Lago-Signature-Algorithm:
 * the HMAC with the secret, or the RS256 JWT whose `data` claim is the raw body. The
 * drains run in this process, which shares the app's WEBHOOK_RSA_PRIVATE_KEY (global setup).
 */
export async function lagoSignatureOk(headers: IncomingMessage["headers"], body: string, secret: string): Promise<boolean> {
  const signature = headers["x-lago-signature"] as string | undefined;
  if (headers["x-lago-signature-algorithm"] === "hmac") return verifyLagoSignature({ payload: body, signature, secret });
  if (headers["x-lago-signature-algorithm"] !== "jwt" || !signature) return false;
  try {
    const { payload } = await jwtVerify(signature, createPublicKey(webhookSigningKey(process.env.WEBHOOK_RSA_PRIVATE_KEY).publicKeyPem), { algorithms: ["RS256"] });
    return payload.data === body;
  } catch {
    return false;
  }
}

/**
 * A source app's webhook endpoint on 127.0.0.1: verifies both signatures, dedupes on
 * X-Lago-Unique-Key like a careful receiver would, and can fail, hang or be "down".
 */
export async function startReceiver(secret: string) {
  const received: ReceivedWebhook[] = [];
  const processed = new Map<string, ReceivedWebhook>();
  const control = {
    /** Answer this status to the next N requests. */
    failNext: 0,
    failStatus: 500,
    /** While true every request gets 503 (the app is down). */
    down: false,
    /** Called instead of answering (to kill the sender mid-delivery). */
    onRequest: null as null | ((res: ServerResponse) => void),
    responseBody: "ok",
    /** The secret the app verifies with (tests rotate it). */
    secret,
  };
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", async () => {
      const body = Buffer.concat(chunks).toString("utf8");
      const signatureOk =
        verifyNexaWebhook({ payload: body, header: req.headers["x-nexa-signature"] as string, secret: control.secret }).ok &&
        (await lagoSignatureOk(req.headers, body, control.secret));
      const hit = { uniqueKey: String(req.headers["x-lago-unique-key"]), body, headers: req.headers, signatureOk };
      received.push(hit);
      if (control.onRequest) return control.onRequest(res);
      if (control.down) return void res.writeHead(503).end("down for maintenance");
      if (control.failNext > 0) {
        control.failNext--;
        return void res.writeHead(control.failStatus).end("try later");
      }
      if (!signatureOk) return void res.writeHead(401).end("bad signature");
      if (!processed.has(hit.uniqueKey)) processed.set(hit.uniqueKey, hit);
      res.writeHead(200, { "content-type": "text/plain" }).end(control.responseBody);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`,
    received,
    processed,
    control,
    /** The envelopes the app acted on, once each, in arrival order. */
    payloads: () => [...processed.values()].map((hit) => JSON.parse(hit.body) as Record<string, any>),
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}

/**
 * A service with a webhook URL, one customer linked to an Odoo partner and one
 * subscription on an Odoo order; ids are random so suites never collide.
 */
export async function seedSubscribedCustomer(db: Db, options: { webhookUrl: string | null; odooPartnerId?: number; odooOrderId?: number; secret?: string; signature?: "jwt" | "hmac" }) {
  const secret = options.secret ?? `whsec_${randomBytes(8).toString("hex")}`;
  const odooPartnerId = options.odooPartnerId ?? 1_000_000 + Math.floor(Math.random() * 1_000_000_000);
  const odooOrderId = options.odooOrderId ?? 1_000_000 + Math.floor(Math.random() * 1_000_000_000);
  const service = await db.service.create({
    data: { code: uniqueCode("wh"), name: "Webhook test", apiKeyHash: randomBytes(16).toString("hex"), apiKeyPrefix: "nxb_test", webhookUrl: options.webhookUrl, webhookSecret: secret, webhookSignature: options.signature },
  });
  const billingCustomer =
    (await db.billingCustomer.findUnique({ where: { odooPartnerId } })) ?? (await db.billingCustomer.create({ data: { name: "Acme", odooPartnerId } }));
  const customer = await db.accountLink.create({ data: { serviceId: service.id, externalId: uniqueCode("cust"), billingCustomerId: billingCustomer.id, currency: "USD" } });
  const plan = await db.plan.create({ data: { code: uniqueCode("plan"), name: "Plan", interval: "monthly", amountCents: 10_000n, amountCurrency: "USD" } });
  const subscription = await db.subscription.create({
    data: {
      serviceId: service.id, externalId: uniqueCode("sub"), accountLinkId: customer.id, planId: plan.id, status: "active",
      billingTime: "calendar", subscriptionAt: new Date("2026-01-01T00:00:00Z"), startedAt: new Date("2026-01-01T00:00:00Z"), odooOrderId,
    },
  });
  return { service, secret, customer, subscription, odooPartnerId, odooOrderId };
}

let nextMoveId = 2_000_000_000 - Math.floor(Math.random() * 1_000_000_000);

/** An invoice observation as Odoo would report it, for tests that skip the Odoo read. */
export function invoiceObservation(options: { state: string; partnerId: number; orderIds: number[]; id?: number }): OdooObservation {
  const id = options.id ?? nextMoveId++;
  return {
    model: "account.move",
    id,
    state: options.state,
    partnerId: options.partnerId,
    orderIds: options.orderIds,
    invoice: {
      id, name: "INV/TEST", moveType: "out_invoice", state: "posted", paymentState: options.state as "paid", partnerId: options.partnerId, invoiceOrigin: null, ref: null, reversedEntryId: null,
      invoiceDate: "2026-02-01", invoiceDateDue: "2026-02-01", currency: "USD", amountUntaxed: 100, amountTax: 0, amountTotal: 100, amountResidual: 0,
      createdAt: new Date("2026-02-01T00:00:00Z"), updatedAt: new Date("2026-02-01T00:00:00Z"), lines: [], orderOfSaleLine: [], taxes: [],
    },
  };
}

/** The invoice as the hub saw it before, posted and owed: its observation is then a payment, not a first sighting (which is also invoice.created). */
export async function seenOwed(db: Db, observation: OdooObservation): Promise<OdooObservation> {
  await db.odooRecordState.create({ data: { odooModel: observation.model, odooId: observation.id, state: "not_paid", observedAt: new Date(0) } });
  return observation;
}
