import { guardedFetch } from "~/server/lib/guarded-fetch";
import { sleep } from "~/server/lib/sleep";
import { lagoAddressPolicy } from "./lago-address-policy";

export interface LagoConnection {
  /** e.g. https://api.getlago.com or http://lago:3000/api/v1 (the /api/v1 suffix is optional). */
  baseUrl: string;
  apiKey: string;
  timeoutMs?: number;
}

/**
 * A non-2xx answer from Lago. The message names the path and the status only: never the
 * key, and never the answer's body (stored on the run and shown in the console, it would
 * make the import a way to read whatever a URL answers).
 */
export class LagoApiError extends Error {
  constructor(
    readonly status: number,
    readonly path: string,
  ) {
    super(`Lago GET ${path} answered ${status}${status === 401 ? " (check the API key)" : ""}`);
    this.name = "LagoApiError";
  }
}

export const lagoApiRoot = (baseUrl: string) => {
  const trimmed = baseUrl.replace(/\/+$/, "");
  return trimmed.endsWith("/api/v1") ? trimmed : `${trimmed}/api/v1`;
};

const RATE_LIMIT_RETRIES = 3;
const MAX_WAIT_MS = 20_000;

/**
 * GET one Lago API path with the Bearer key. A 429 is retried (honouring Lago's
 * x-ratelimit-reset seconds, as the official client does); every other failure is thrown
 * for the import to record, and the next import resumes from its checkpoint. Every request
 * goes through the address guard (lagoAddressPolicy), so the base URL cannot point inside.
 */
export async function fetchLagoJson(connection: LagoConnection, path: string): Promise<unknown> {
  for (let attempt = 0; ; attempt++) {
    const response = await guardedFetch(`${lagoApiRoot(connection.baseUrl)}${path}`, {
      headers: { authorization: `Bearer ${connection.apiKey}`, accept: "application/json" },
      signal: AbortSignal.timeout(connection.timeoutMs ?? 30_000),
    }, { policy: lagoAddressPolicy() });
    if (response.ok) {
      try {
        return await response.json();
      } catch {
        throw new Error(`Lago GET ${path} answered ${response.status} with a body that is not JSON`);
      }
    }
    await response.body?.cancel();
    if (response.status === 429 && attempt < RATE_LIMIT_RETRIES) {
      const reset = Number(response.headers.get("x-ratelimit-reset"));
      const waitMs = Math.min(MAX_WAIT_MS, reset > 0 ? reset * 1000 : 1000 * 2 ** attempt);
      await sleep(waitMs);
      continue;
    }
    throw new LagoApiError(response.status, path);
  }
}
