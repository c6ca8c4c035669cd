import { createHash, timingSafeEqual } from "node:crypto";

/**
 * Constant-time check of a shared secret (Odoo webhook token, cron secret). Hashing
 * both sides first gives equal lengths, so not even the secret's length leaks. An
 * unset expected secret matches nothing: an unconfigured endpoint stays closed.
 */
export function matchesSecret(given: string | null | undefined, expected: string | undefined): boolean {
  if (!expected || !given) return false;
  const digest = (value: string) => createHash("sha256").update(value).digest();
  return timingSafeEqual(digest(given), digest(expected));
}
