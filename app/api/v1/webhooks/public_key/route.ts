import { env } from "~/server/env";
import { lagoRoute } from "~/server/http/lago-route";
import { unservedMethods } from "~/server/http/lago-resource";
import { lagoPublicKeyText, webhookSigningKey } from "~/server/webhooks/webhook-signing-key";

export const dynamic = "force-dynamic";

/** Lago's deprecated plain-text form: base64 of the PEM that verifies jwt webhooks. */
export const GET = lagoRoute(async () =>
  new Response(lagoPublicKeyText(webhookSigningKey(env().WEBHOOK_RSA_PRIVATE_KEY).publicKeyPem), { headers: { "content-type": "text/plain; charset=utf-8" } }),
);

export const { POST, PUT, PATCH, DELETE } = unservedMethods(["GET"]);
