import { AppError, badRequest } from "~/server/errors";
import { isStorableJson } from "./storable-text";

/**
 * Reads a JSON body with a hard byte limit, counting while streaming so a client
 * cannot make us buffer an unbounded body by lying about (or omitting) Content-Length.
 */
export async function readJsonBody(request: Request, maxBytes: number): Promise<unknown> {
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > maxBytes) throw new AppError("payload_too_large", "body too large");
  if (!request.body) throw badRequest("request body is empty");

  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let received = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    received += value.byteLength;
    if (received > maxBytes) {
      await reader.cancel();
      throw new AppError("payload_too_large", "body too large");
    }
    chunks.push(value);
  }
  const text = Buffer.concat(chunks).toString("utf8");
  if (!text.trim()) throw badRequest("request body is empty");
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw badRequest("request body is not valid JSON");
  }
  if (!isStorableJson(body)) throw badRequest("request body contains a NUL character or an unpaired surrogate");
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
