import { env } from "~/server/env";
import { lagoRoute } from "~/server/http/lago-route";
import { unservedMethods } from "~/server/http/lago-resource";
import { lagoPublicKeyText, webhookSigningKey } from "~/server/webhooks/webhook-signing-key";

export const dynamic = "force-dynamic";

/** `{ webhook: { public_key } }`: base64 of the PEM that verifies jwt webhooks, as Lago answers. */
export const GET = lagoRoute(async () => ({ webhook: { public_key: lagoPublicKeyText(webhookSigningKey(env().WEBHOOK_RSA_PRIVATE_KEY).publicKeyPem) } }));

export const { POST, PUT, PATCH, DELETE } = unservedMethods(["GET"]);
