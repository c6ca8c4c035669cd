import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";

/**
 * A credential kept only as long as queued work needs it (a Lago API key waiting for its
 * import to run), sealed with AES-256-GCM: unreadable without the key, and any change to
 * the stored text makes it unopenable rather than a different secret.
 */
const VERSION = "v1";

/** A 256-bit sealing key derived from a server secret (HKDF-SHA-256), so the secret itself never keys the cipher. */
export const sealingKeyFrom = (serverSecret: string): Buffer =>
  Buffer.from(hkdfSync("sha256", serverSecret, "nexa-billing-hub", "sealed-secret v1", 32));

export function sealSecret(plain: string, key: Buffer): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  const sealed = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  return [VERSION, iv, cipher.getAuthTag(), sealed].map((part) => (typeof part === "string" ? part : part.toString("base64url"))).join(".");
}

/** The sealed text, or null when it cannot be opened (another key, or altered). */
export function openSealedSecret(sealed: string, key: Buffer): string | null {
  const [version, iv, tag, data, ...rest] = sealed.split(".");
  if (version !== VERSION || !iv || !tag || data === undefined || rest.length) return null;
  try {
    const decipher = createDecipheriv("aes-256-gcm", key, Buffer.from(iv, "base64url"));
    decipher.setAuthTag(Buffer.from(tag, "base64url"));
    return Buffer.concat([decipher.update(Buffer.from(data, "base64url")), decipher.final()]).toString("utf8");
  } catch {
    return null;
  }
}
