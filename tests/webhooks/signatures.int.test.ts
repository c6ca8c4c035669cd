import { createPublicKey } from "node:crypto";
import { jwtVerify } from "jose";
import { Client } from "lago-javascript-client";
import { afterEach, beforeAll, describe, expect, inject, it } from "vitest";
import { verifyLagoSignature, verifyNexaWebhook } from "~/lib/verify-webhook";
import { env } from "~/server/env";
import { drainWebhooks, recordLifecycleEvent, webhookSettings } from "~/server/webhooks";
import { signedInAs, trpcCode } from "../support/console-session";
import { createTestService, testDb } from "../support/fixtures";
import { invoiceObservation, seedSubscribedCustomer, startReceiver } from "./webhook-fixtures";

const settings = webhookSettings(env());
const cleanups: Array<() => Promise<unknown>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

describe("webhook signatures", () => {
  let admin: Awaited<ReturnType<typeof signedInAs>>;
  let ops: Awaited<ReturnType<typeof signedInAs>>;
  beforeAll(async () => {
    [admin, ops] = await Promise.all([signedInAs("admin"), signedInAs("ops")]);
  });

  it("publishes the RS256 public key as Lago does, and a Lago receiver verifies a jwt webhook with it", async () => {
    const { apiKey } = await createTestService("jwt");
    const lago = Client(apiKey, { baseUrl: `${inject("baseUrl")}/api/v1` });
    const { data: text } = await lago.webhooks.fetchPublicKey();
    const { data: json } = await lago.webhooks.fetchJsonPublicKey();
    expect(json).toEqual({ webhook: { public_key: text } });
    const pem = Buffer.from(text, "base64").toString("utf8");
    expect(pem).toMatch(/^-----BEGIN PUBLIC KEY-----\n/);

    const db = await testDb();
    const receiver = await startReceiver("whsec_jwt_service");
    const seeded = await seedSubscribedCustomer(db, { webhookUrl: receiver.url, signature: "jwt", secret: "whsec_jwt_service" });
    cleanups.push(() => receiver.close());
    await recordLifecycleEvent({
      db, settings, source: "poll", observedAt: new Date(),
      observation: invoiceObservation({ state: "paid", partnerId: seeded.odooPartnerId, orderIds: [seeded.odooOrderId] }),
    });
    await drainWebhooks({ db, settings });
    const [hit] = receiver.received;
    expect(hit!.headers["x-lago-signature-algorithm"]).toBe("jwt");
    // Lago's documented verification: decode the published key, verify RS256, compare `data` with the raw body.
    const { payload } = await jwtVerify(hit!.headers["x-lago-signature"] as string, createPublicKey(pem), { algorithms: ["RS256"] });
    expect(payload.data).toBe(hit!.body);
    expect(hit!.signatureOk).toBe(true);
  });

  it("signs an hmac service with its secret, which an admin reveals and rotates (audited, never stored in the audit)", async () => {
    const db = await testDb();
    const receiver = await startReceiver("whsec_before_rotation");
    const seeded = await seedSubscribedCustomer(db, { webhookUrl: receiver.url, signature: "hmac", secret: "whsec_before_rotation" });
    cleanups.push(() => receiver.close());

    expect(await trpcCode(ops.client.services.revealWebhookSecret.mutate({ id: seeded.service.id }))).toBe("FORBIDDEN");
    const { webhookSecret } = await admin.client.services.revealWebhookSecret.mutate({ id: seeded.service.id });
    expect(webhookSecret).toBe(seeded.secret);

    const send = async () => {
      await recordLifecycleEvent({
        db, settings, source: "poll", observedAt: new Date(),
        observation: invoiceObservation({ state: "paid", partnerId: seeded.odooPartnerId, orderIds: [seeded.odooOrderId] }),
      });
      await drainWebhooks({ db, settings });
      return receiver.received.at(-1)!;
    };
    const before = await send();
    expect(before.headers["x-lago-signature-algorithm"]).toBe("hmac");
    expect(verifyLagoSignature({ payload: before.body, signature: before.headers["x-lago-signature"] as string, secret: webhookSecret })).toBe(true);

    const rotated = await admin.client.services.rotateWebhookSecret.mutate({ id: seeded.service.id });
    expect(rotated.webhookSecret).not.toBe(webhookSecret);
    receiver.control.secret = rotated.webhookSecret;
    expect(rotated.service).not.toHaveProperty("webhookSecret");
    const after = await send();
    expect(verifyLagoSignature({ payload: after.body, signature: after.headers["x-lago-signature"] as string, secret: webhookSecret })).toBe(false);
    expect(verifyLagoSignature({ payload: after.body, signature: after.headers["x-lago-signature"] as string, secret: rotated.webhookSecret })).toBe(true);
    expect(verifyNexaWebhook({ payload: after.body, header: after.headers["x-nexa-signature"] as string, secret: rotated.webhookSecret }).ok).toBe(true);

    const audit = await db.auditLog.findMany({ where: { entityId: seeded.service.id }, orderBy: { createdAt: "asc" } });
    expect(audit.map((row) => [row.action, row.actorId])).toEqual([
      ["service.reveal_webhook_secret", admin.user.id],
      ["service.rotate_webhook_secret", admin.user.id],
    ]);
    expect(JSON.stringify(audit)).not.toContain(webhookSecret);
    expect(JSON.stringify(audit)).not.toContain(rotated.webhookSecret);

    // Switching the algorithm applies from the next attempt on.
    await admin.client.services.update.mutate({ id: seeded.service.id, webhookSignature: "jwt" });
    expect((await send()).headers["x-lago-signature-algorithm"]).toBe("jwt");
  });
});
