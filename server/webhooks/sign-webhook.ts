import { lagoSignature, nexaSignature } from "~/lib/verify-webhook";

/**
 * Headers of one outbound webhook. X-Nexa-Signature binds the body to a timestamp so
 * receivers can refuse replays; the X-Lago-* trio keeps Lago receivers working as is.
 */
export function signWebhook(options: { body: string; secret: string; uniqueKey: string; timestamp: number }): Record<string, string> {
  const { body, secret, uniqueKey, timestamp } = options;
  return {
    "content-type": "application/json",
    "user-agent": "Nexa-Billing-Hub-Webhooks/1",
    "x-nexa-signature": `t=${timestamp},v1=${nexaSignature(secret, timestamp, body)}`,
    "x-lago-signature": lagoSignature(secret, body),
    "x-lago-signature-algorithm": "hmac",
    "x-lago-unique-key": uniqueKey,
  };
}
