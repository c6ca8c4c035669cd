import { sleep } from "~/server/lib/sleep";

export interface LagoConnection {
  /** e.g. https://api.getlago.com or http://lago:3000/api/v1 (the /api/v1 suffix is optional). */
  baseUrl: string;
  apiKey: string;
  fetch?: typeof fetch;
  timeoutMs?: number;
}

/** A non-2xx answer from Lago. The message names the path and Lago's error, never the key. */
export class LagoApiError extends Error {
  constructor(
    readonly status: number,
    readonly path: string,
    readonly body: unknown,
  ) {
    const detail = body && typeof body === "object" ? JSON.stringify(body).slice(0, 300) : String(body).slice(0, 300);
    super(`Lago GET ${path} answered ${status}: ${detail}`);
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
 * for the import to record, and the next import resumes from its checkpoint.
 */
export async function fetchLagoJson(connection: LagoConnection, path: string): Promise<unknown> {
  const doFetch = connection.fetch ?? fetch;
  for (let attempt = 0; ; attempt++) {
    const response = await doFetch(`${lagoApiRoot(connection.baseUrl)}${path}`, {
      headers: { authorization: `Bearer ${connection.apiKey}`, accept: "application/json" },
      signal: AbortSignal.timeout(connection.timeoutMs ?? 30_000),
    });
    const text = await response.text();
    let body: unknown = text;
    try {
      body = JSON.parse(text);
    } catch {
      // keep the text: it goes into the error message
    }
    if (response.ok) return body;
    if (response.status === 429 && attempt < RATE_LIMIT_RETRIES) {
      const reset = Number(response.headers.get("x-ratelimit-reset"));
      const waitMs = Math.min(MAX_WAIT_MS, reset > 0 ? reset * 1000 : 1000 * 2 ** attempt);
      await sleep(waitMs);
      continue;
    }
    throw new LagoApiError(response.status, path, body);
  }
}
