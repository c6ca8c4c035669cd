import { Client } from "lago-javascript-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createService } from "~/server/services/create-service";
import { type IsolatedStack, startIsolatedStack } from "../support/isolated-stack";

const LIMIT = 3;
const WINDOW_SECONDS = 2;

/**
 * Per-service rate limit with Lago's headers, on a dedicated app with a tiny limit and a
 * short window. The official client, with `rateLimitRetry`, must wait out our
 * x-ratelimit-reset and succeed without the caller seeing the 429.
 */
describe("API rate limit", () => {
  let stack: IsolatedStack;
  beforeAll(async () => {
    stack = await startIsolatedStack({ env: { API_RATE_LIMIT_PER_MINUTE: String(LIMIT), API_RATE_LIMIT_WINDOW_SECONDS: String(WINDOW_SECONDS) } });
  });
  afterAll(() => stack?.stop());

  it("answers Lago's headers on successes and errors, and 429 once the window's budget is spent", async () => {
    const { api } = await stack.service("limited");
    const answers = [];
    // Up to two windows' worth: a window may roll over mid-loop, the 429 must still come.
    for (let request = 0; request < 2 * LIMIT + 2; request++) {
      const answer = await api.get(request % 2 ? "/customers" : "/customers/nobody");
      answers.push(answer);
      if (answer.status === 429) break;
    }
    const refused = answers.at(-1)!;
    expect(refused.status).toBe(429);
    expect(refused.body).toEqual({ status: 429, error: "Too Many Requests" });
    expect(refused.headers.get("x-ratelimit-remaining")).toBe("0");
    expect(refused.headers.get("retry-after")).toBe(refused.headers.get("x-ratelimit-reset"));
    for (const answer of answers) {
      expect([200, 404, 429]).toContain(answer.status);
      expect(answer.headers.get("x-ratelimit-limit")).toBe(String(LIMIT));
      expect(Number(answer.headers.get("x-ratelimit-remaining"))).toBeLessThan(LIMIT);
      expect(Number(answer.headers.get("x-ratelimit-reset"))).toBeGreaterThanOrEqual(1);
      expect(Number(answer.headers.get("x-ratelimit-reset"))).toBeLessThanOrEqual(WINDOW_SECONDS);
    }
  });

  it("counts each service on its own", async () => {
    const first = await stack.service("first");
    const second = await stack.service("second");
    for (let request = 0; request < LIMIT + 1; request++) await first.api.get("/customers");
    expect((await second.api.get("/customers")).status).toBe(200);
  });

  it("lets lago-javascript-client with rateLimitRetry wait out the window and succeed", async () => {
    const { apiKey } = await createService({ db: stack.db, code: "lago_retry", name: "lago_retry" });
    const statuses: number[] = [];
    const lago = Client(apiKey, {
      baseUrl: `${stack.app.baseUrl}/api/v1`,
      rateLimitRetry: { maxRetries: 3 },
      customFetch: async (...args: Parameters<typeof fetch>) => {
        const response = await fetch(...args);
        statuses.push(response.status);
        return response;
      },
    });
    const calls = 3 * LIMIT;
    for (let call = 0; call < calls; call++) {
      const { data } = await lago.customers.findAllCustomers({ per_page: 1 });
      expect(data.meta.total_count).toBe(0);
    }
    // Three windows' worth of calls: the client met our 429 and retried after the reset.
    expect(statuses.filter((status) => status === 429).length).toBeGreaterThan(0);
    expect(statuses.filter((status) => status === 200)).toHaveLength(calls);
  });
});
