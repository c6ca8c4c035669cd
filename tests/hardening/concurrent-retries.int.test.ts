import { describe, expect, it } from "vitest";
import { type ApiResponse, apiClient, createBillingSetup, createTestService, testDb } from "../support/fixtures";

/** Sends until the answer is not a 503, waiting retry-after (with jitter) as clients should. */
async function postThroughOverload(api: ReturnType<typeof apiClient>, path: string, body: unknown, overloaded: { count: number }): Promise<ApiResponse> {
  for (;;) {
    const response = await api.post(path, body);
    if (response.status !== 503) return response;
    overloaded.count++;
    await new Promise((resolve) => setTimeout(resolve, Number(response.headers.get("retry-after")) * 1000 * (1 + Math.random())));
  }
}

/**
 * A retry storm: 1,000 requests at once re-sending the same 10 transaction ids, as
 * single events and as batches. Every one is answered 200 with the stored event, and
 * each id is stored, and counted, exactly once. More requests than the connection pool
 * serves may be answered 503 + retry-after first (backpressure, never a 500).
 */
describe("1,000 concurrent retries of the same transaction ids", () => {
  it("answers 200 to every retry and stores each id once", async () => {
    const { api, service } = await createTestService("storm");
    const setup = await createBillingSetup(api);
    const timestamp = Math.floor(Date.now() / 1000);
    const events = Array.from({ length: 10 }, (_, index) => ({
      transaction_id: `storm-${index}`,
      external_subscription_id: setup.subscriptionId,
      code: setup.metricCode,
      timestamp,
      properties: { units: index + 1 },
    }));

    // Every tenth request is the whole batch; the others are one event each.
    const overloaded = { count: 0 };
    const responses = await Promise.all(
      Array.from({ length: 1_000 }, (_, request) =>
        request % 10 === 0
          ? postThroughOverload(api, "/events/batch", { events }, overloaded)
          : postThroughOverload(api, "/events", { event: events[request % events.length] }, overloaded),
      ),
    );
    console.info(`[storm] 503 answers retried: ${overloaded.count}`);

    const statuses = responses.reduce<Record<number, number>>((count, response) => ({ ...count, [response.status]: (count[response.status] ?? 0) + 1 }), {});
    expect(statuses).toEqual({ 200: 1_000 });
    // Every answer names the one stored row of its transaction id.
    const lagoIds = new Map<string, Set<string>>();
    for (const response of responses) {
      for (const event of response.body.events ?? [response.body.event]) {
        lagoIds.set(event.transaction_id, (lagoIds.get(event.transaction_id) ?? new Set()).add(event.lago_id));
      }
    }
    expect([...lagoIds.values()].map((ids) => ids.size)).toEqual(Array(10).fill(1));
    expect(await (await testDb()).usageEvent.count({ where: { serviceId: service.id } })).toBe(10);

    const usage = await api.get(`/customers/${setup.customerId}/current_usage?external_subscription_id=${setup.subscriptionId}`);
    expect(usage.body.customer_usage.charges_usage[0].units).toBe("55");
  });
});
