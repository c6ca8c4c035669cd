/** Shared by the simulator's tests: raw HTTP helpers against a running simulator. */
import { afterAll, beforeAll, beforeEach } from "vitest";
import { type OdooSimulator, startOdooSimulator } from "./index";

export const API_KEY = "test-key-0123456789abcdef";

export async function post(
  url: string,
  body: unknown,
  headers: Record<string, string> = {},
  method = "POST",
): Promise<{ status: number; headers: Headers; json: any; text: string }> {
  const res = await fetch(url, {
    method,
    headers: { "Content-Type": "application/json", ...headers },
    body: method === "GET" ? undefined : typeof body === "string" ? body : JSON.stringify(body),
  });
  const text = await res.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: res.status, headers: res.headers, json, text };
}

export function json2(baseUrl: string, apiKey = API_KEY) {
  return (model: string, method: string, body: unknown = {}, headers: Record<string, string> = {}) =>
    post(`${baseUrl}/json/2/${model}/${method}`, body, { Authorization: `bearer ${apiKey}`, ...headers });
}

/** One simulator for a test file, reset to `today` before each test; `call` is JSON-2 with the test key. */
export function useFreshSimulator(today: string) {
  const ctx = {} as { sim: OdooSimulator; call: ReturnType<typeof json2> };
  beforeAll(async () => {
    ctx.sim = await startOdooSimulator({ apiKey: API_KEY, today });
    ctx.call = json2(ctx.sim.url);
  });
  afterAll(() => ctx.sim.close());
  beforeEach(() => ctx.sim.reset(today));
  return ctx;
}
