import type { DbOrTx } from "~/server/db/client";
import { AppError } from "~/server/errors";
import { hashApiKey } from "./api-key";

export interface AuthenticatedService {
  id: string;
  code: string;
}

/** Lago reads the token as the second word of `Authorization: Bearer <key>`. */
export function bearerToken(header: string | null): string | null {
  const [scheme, token, extra] = (header ?? "").trim().split(/\s+/);
  if (!scheme || scheme.toLowerCase() !== "bearer" || !token || extra !== undefined) return null;
  return token;
}

// Keys seen valid recently, so the hot ingestion path skips a query per request. On
// globalThis because Next may load this module once per route, and the console's
// rotate/disable (same process) must clear what the API routes cached.
interface CachedKey {
  service: AuthenticatedService;
  checkedAt: number;
  revalidating: boolean;
}
const cache = ((globalThis as { nexaServiceKeys?: Map<string, CachedKey> }).nexaServiceKeys ??= new Map());

/**
 * A cached key older than this is checked again in the background while it keeps being
 * served; one older than MAX_AGE_MS (an idle key) is checked before it is served. So a key
 * disabled or rotated by another app process is never served here more than 1 s after
 * its last check (under steady traffic about 500 ms plus one lookup), and an active key
 * costs one lookup per 500 ms per process.
 */
export const KEY_REVALIDATE_MS = 500;
const MAX_AGE_MS = 1_000;

/** Forgets cached keys: called after a rotation or a disable, which this process then enforces at once. */
export function forgetAuthenticatedServices(): void {
  cache.clear();
}

async function lookUp(db: DbOrTx, hash: string): Promise<AuthenticatedService | null> {
  const service = await db.service.findUnique({ where: { apiKeyHash: hash }, select: { id: true, code: true, active: true } });
  return service?.active ? { id: service.id, code: service.code } : null;
}

function revalidate(db: DbOrTx, hash: string, entry: CachedKey): void {
  entry.revalidating = true;
  lookUp(db, hash)
    .then((service) => {
      if (cache.get(hash) !== entry) return;
      if (service) cache.set(hash, { service, checkedAt: Date.now(), revalidating: false });
      else cache.delete(hash);
    })
    // A failed check (database briefly away) leaves the entry to be checked by the next request.
    .catch(() => (entry.revalidating = false));
}

export async function authenticateService(db: DbOrTx, authorization: string | null): Promise<AuthenticatedService> {
  const token = bearerToken(authorization);
  if (!token || token.length > 200) throw new AppError("unauthorized", "missing or malformed API key");
  const hash = hashApiKey(token);
  const cached = cache.get(hash);
  const age = cached ? Date.now() - cached.checkedAt : Infinity;
  if (cached && age < MAX_AGE_MS) {
    if (age >= KEY_REVALIDATE_MS && !cached.revalidating) revalidate(db, hash, cached);
    return cached.service;
  }
  const service = await lookUp(db, hash);
  if (!service) {
    cache.delete(hash);
    throw new AppError("unauthorized", "unknown or disabled API key");
  }
  if (cache.size > 10_000) cache.clear();
  cache.set(hash, { service, checkedAt: Date.now(), revalidating: false });
  return service;
}
