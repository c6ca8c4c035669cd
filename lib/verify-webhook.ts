/**
 * Verifies Nexa Billing Hub webhooks. Self-contained (node:crypto only) so a source app
 * can copy this file as is. The hub signs with the service's webhook secret:
 *
 *   X-Nexa-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, `${t}.${rawBody}`)>
 *   X-Lago-Signature: <base64 HMAC-SHA256(secret, rawBody)>   (services signing `hmac`, as Lago; no timestamp)
 *
 * Services signing `jwt` (Lago's default) send an RS256 JWT in X-Lago-Signature instead:
 * keep the Lago verifier the app already has (public key: GET /api/v1/webhooks/public_key).
 *
 * Prefer X-Nexa-Signature: its timestamp lets a receiver refuse a captured request
 * replayed later. Always verify the raw body bytes, before parsing the JSON.
 */
import { createHmac, timingSafeEqual } from "node:crypto";

export type WebhookPayload = string | Uint8Array;

/** Hex HMAC-SHA256 over `${timestamp}.${payload}`: the v1 value of X-Nexa-Signature. */
export function nexaSignature(secret: string, timestamp: number, payload: WebhookPayload): string {
  return createHmac("sha256", secret).update(`${timestamp}.`).update(payload).digest("hex");
}

/** Base64 HMAC-SHA256 over the raw body: Lago's X-Lago-Signature (algorithm "hmac"). */
export function lagoSignature(secret: string, payload: WebhookPayload): string {
  return createHmac("sha256", secret).update(payload).digest("base64");
}

// Comparing digests in constant time keeps the signature from leaking byte by byte.
function sameText(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

export type NexaVerification =
  | { ok: true; timestamp: number }
  | { ok: false; reason: "malformed_header" | "timestamp_out_of_tolerance" | "signature_mismatch" };

/**
 * Checks an X-Nexa-Signature header. Several `v1=` entries are accepted (any match
 * passes) so the hub can sign with two secrets while one is being rotated.
 */
export function verifyNexaWebhook(options: {
  payload: WebhookPayload;
  header: string | null | undefined;
  secret: string;
  toleranceSeconds?: number;
  now?: Date;
}): NexaVerification {
  const { payload, header, secret } = options;
  const toleranceSeconds = options.toleranceSeconds ?? 300;
  const nowSeconds = Math.floor((options.now ?? new Date()).getTime() / 1000);
  let timestamp: number | null = null;
  const signatures: string[] = [];
  for (const part of (header ?? "").split(",")) {
    const [key, value] = part.trim().split("=", 2);
    if (key === "t" && value && /^\d+$/.test(value)) timestamp = Number(value);
    if (key === "v1" && value) signatures.push(value);
  }
  if (timestamp === null || signatures.length === 0) return { ok: false, reason: "malformed_header" };
  if (Math.abs(nowSeconds - timestamp) > toleranceSeconds) return { ok: false, reason: "timestamp_out_of_tolerance" };
  const expected = nexaSignature(secret, timestamp, payload);
  return signatures.some((signature) => sameText(signature, expected))
    ? { ok: true, timestamp }
    : { ok: false, reason: "signature_mismatch" };
}

/** Checks Lago's X-Lago-Signature (HMAC variant). It carries no timestamp: dedupe on X-Lago-Unique-Key. */
export function verifyLagoSignature(options: { payload: WebhookPayload; signature: string | null | undefined; secret: string }): boolean {
  return !!options.signature && sameText(options.signature, lagoSignature(options.secret, options.payload));
}
