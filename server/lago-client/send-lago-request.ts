import { guardedFetch } from "~/server/lib/guarded-fetch";
import { type LagoConnection, lagoApiRoot } from "./fetch-lago-json";
import { lagoAddressPolicy } from "./lago-address-policy";

export interface LagoAnswer {
  status: number;
  /** The parsed JSON answer, or its text when it is not JSON (Lago's error verbatim for a dead letter). */
  body: unknown;
  /** On 429: how long Lago asks to wait (x-ratelimit-reset seconds), else null. */
  retryAfterMs: number | null;
}

/**
 * One request to a service's Lago with its Bearer key, answered as it came: a non-2xx is
 * returned, not thrown, because the caller decides (a forward treats Lago's duplicate as
 * delivered, a proxied read hands Lago's answer to the app). Only a network failure or
 * timeout throws. Every request goes through the address guard.
 */
export async function sendLagoRequest(connection: LagoConnection, method: "GET" | "POST" | "PUT" | "DELETE", path: string, body?: unknown): Promise<LagoAnswer> {
  const response = await guardedFetch(`${lagoApiRoot(connection.baseUrl)}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${connection.apiKey}`,
      accept: "application/json",
      ...(body === undefined ? {} : { "content-type": "application/json" }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
    signal: AbortSignal.timeout(connection.timeoutMs ?? 30_000),
  }, { policy: lagoAddressPolicy() });
  const text = await response.text();
  let parsed: unknown = text;
  try {
    parsed = text === "" ? null : JSON.parse(text);
  } catch {
    // Not JSON (a proxy's HTML page): kept as text.
  }
  const reset = Number(response.headers.get("x-ratelimit-reset"));
  return { status: response.status, body: parsed, retryAfterMs: response.status === 429 ? (reset > 0 ? reset * 1000 : 1000) : null };
}
