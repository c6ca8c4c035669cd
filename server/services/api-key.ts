import { createHash, randomBytes } from "node:crypto";

/**
 * Service API keys: 32 random bytes, base64url, with a readable prefix so staff can
 * tell keys apart in the console. Only the SHA-256 hash is stored; looking a key up
 * by its hash means no secret is ever compared byte by byte in application code.
 */
const KEY_PREFIX = "nxb_";

export interface GeneratedApiKey {
  plaintext: string;
  hash: string;
  displayPrefix: string;
}

export function hashApiKey(plaintext: string): string {
  return createHash("sha256").update(plaintext, "utf8").digest("hex");
}

export function generateApiKey(): GeneratedApiKey {
  const plaintext = KEY_PREFIX + randomBytes(32).toString("base64url");
  return { plaintext, hash: hashApiKey(plaintext), displayPrefix: plaintext.slice(0, KEY_PREFIX.length + 6) };
}

export function generateWebhookSecret(): string {
  return "whsec_" + randomBytes(32).toString("base64url");
}
