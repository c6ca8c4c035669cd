import { AppError, badRequest } from "~/server/errors";
import type { ApiRequest } from "./api-request";
import { isStorableJson } from "./storable-text";

// The only ways a parsed body gets U+0000 or a lone surrogate: a `\u` escape of one (UTF-8
// decoding turns raw invalid bytes into U+FFFD). Without such an escape, nothing to walk.
const UNSTORABLE_ESCAPE = /\\u(?:0000|[dD][89a-fA-F])/;

/**
 * Reads a JSON body with a hard byte limit (ApiRequest.readBody: counted while it
 * streams, whatever Content-Length says).
 */
export async function readJsonBody(request: ApiRequest, maxBytes: number): Promise<unknown> {
  const declared = Number(request.header("content-length") ?? "0");
  if (declared > maxBytes) throw new AppError("payload_too_large", "body too large");
  const bytes = await request.readBody(maxBytes);
  if (!bytes) throw badRequest("request body is empty");
  const text = bytes.toString("utf8");
  if (!text.trim()) throw badRequest("request body is empty");
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw badRequest("request body is not valid JSON");
  }
  if (UNSTORABLE_ESCAPE.test(text) && !isStorableJson(body)) throw badRequest("request body contains a NUL character or an unpaired surrogate");
  return body;
}

/** Lago's params.require(:root): a missing or empty root key is a 400, not a 422. */
export function requireRootKey(body: unknown, rootKey: string): unknown {
  const value = body && typeof body === "object" && !Array.isArray(body) ? (body as Record<string, unknown>)[rootKey] : undefined;
  if (value === undefined || value === null || value === "" || (Array.isArray(value) && value.length === 0 && rootKey !== "events")) {
    throw badRequest(`param is missing or the value is empty: ${rootKey}`);
  }
  return value;
}

/** `{ "<rootKey>": {...} }` → the inner object, validated; ZodError becomes Lago's 422. */
export function parseRoot<Schema extends { parse: (value: unknown) => unknown }>(
  body: unknown,
  rootKey: string,
  schema: Schema,
): ReturnType<Schema["parse"]> {
  return schema.parse(requireRootKey(body, rootKey)) as ReturnType<Schema["parse"]>;
}
