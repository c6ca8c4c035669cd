import type { KeyObject } from "node:crypto";
import { SignJWT } from "jose";
import type { WebhookSignature } from "~/generated/prisma/enums";
import { lagoSignature, nexaSignature } from "~/lib/verify-webhook";

export interface JwtSigner {
  privateKey: KeyObject;
  /** The `iss` claim (Lago: LAGO_API_URL). */
  issuer: string;
}

/**
 * Lago's JWT signature (app/models/webhook.rb#jwt_signature): RS256 over
 * `{ data: <the raw body>, iss }`, header `{ alg: "RS256" }` only, no expiry. Receivers
 * verify it with the public key of GET /api/v1/webhooks/public_key and compare `data`
 * with the body they received.
 */
export function lagoJwtSignature(body: string, signer: JwtSigner): Promise<string> {
  return new SignJWT({ data: body }).setProtectedHeader({ alg: "RS256" }).setIssuer(signer.issuer).sign(signer.privateKey);
}

/**
 * Headers of one outbound webhook. X-Lago-Signature is what the service chose (Lago's
 * default `jwt`, or `hmac` with its webhook secret), announced by
 * X-Lago-Signature-Algorithm as Lago does, so a Lago receiver works as is.
 * X-Nexa-Signature always binds the body to a timestamp so receivers can refuse replays.
 */
export async function signWebhook(options: {
  body: string;
  secret: string;
  uniqueKey: string;
  timestamp: number;
  algorithm: WebhookSignature;
  jwt: () => JwtSigner;
}): Promise<Record<string, string>> {
  const { body, secret, uniqueKey, timestamp, algorithm } = options;
  return {
    "content-type": "application/json",
    "user-agent": "Nexa-Billing-Hub-Webhooks/1",
    "x-nexa-signature": `t=${timestamp},v1=${nexaSignature(secret, timestamp, body)}`,
    "x-lago-signature": algorithm === "jwt" ? await lagoJwtSignature(body, options.jwt()) : lagoSignature(secret, body),
    "x-lago-signature-algorithm": algorithm,
    "x-lago-unique-key": uniqueKey,
  };
}
