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

// Keys seen valid in the last few seconds, so the hot ingestion path skips a query per
// request. On globalThis because Next may load this module once per route, and the
// console's rotate/disable (same process) must clear what the API routes cached.
const CACHE_TTL_MS = 5_000;
const cache = ((globalThis as { nexaServiceKeys?: Map<string, { service: AuthenticatedService; expiresAt: number }> }).nexaServiceKeys ??= new Map());

/** Forgets cached keys: called after a rotation or a disable. Other processes catch up within 5 s. */
export function forgetAuthenticatedServices(): void {
  cache.clear();
}

export async function authenticateService(db: DbOrTx, authorization: string | null): Promise<AuthenticatedService> {
  const token = bearerToken(authorization);
  if (!token || token.length > 200) throw new AppError("unauthorized", "missing or malformed API key");
  const hash = hashApiKey(token);
  const cached = cache.get(hash);
  if (cached && cached.expiresAt > Date.now()) return cached.service;
  const service = await db.service.findUnique({
    where: { apiKeyHash: hash },
    select: { id: true, code: true, active: true },
  });
  if (!service || !service.active) throw new AppError("unauthorized", "unknown or disabled API key");
  const authenticated = { id: service.id, code: service.code };
  if (cache.size > 10_000) cache.clear();
  cache.set(hash, { service: authenticated, expiresAt: Date.now() + CACHE_TTL_MS });
  return authenticated;
}
