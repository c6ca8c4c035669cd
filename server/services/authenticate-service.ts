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

export async function authenticateService(db: DbOrTx, authorization: string | null): Promise<AuthenticatedService> {
  const token = bearerToken(authorization);
  if (!token || token.length > 200) throw new AppError("unauthorized", "missing or malformed API key");
  const service = await db.service.findUnique({
    where: { apiKeyHash: hashApiKey(token) },
    select: { id: true, code: true, active: true },
  });
  if (!service || !service.active) throw new AppError("unauthorized", "unknown or disabled API key");
  return { id: service.id, code: service.code };
}
