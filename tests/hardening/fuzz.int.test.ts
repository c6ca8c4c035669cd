import { describe, expect, inject, it } from "vitest";
import { createTestService, testDb, uniqueCode } from "../support/fixtures";
import { createRng, type FuzzCase, fuzzCase } from "./fuzz-bodies";

const CASES = 2_000;
const CONCURRENCY = 16;
// Fixed so CI is reproducible; FUZZ_SEED=<n> explores other inputs.
const SEED = Number(process.env.FUZZ_SEED ?? 0x5eed_2026);

async function tableCounts() {
  const db = await testDb();
  const [usageEvents, accountLinks, plans, subscriptions] = await Promise.all([
    db.usageEvent.count(),
    db.accountLink.count(),
    db.plan.count(),
    db.subscription.count(),
  ]);
  return { usageEvents, accountLinks, plans, subscriptions };
}

/** Why an answer breaks the contract, or null: a 4xx with Lago's error body, never a 5xx. */
function contractViolation(status: number, text: string): string | null {
  if (status < 400 || status >= 500) return `status ${status}`;
  let body: Record<string, unknown>;
  try {
    body = JSON.parse(text);
  } catch {
    return "body is not JSON";
  }
  if (body.status !== status || typeof body.error !== "string") return "body is not {status, error}";
  if (status === 422 && (body.code !== "validation_errors" || typeof body.error_details !== "object" || !body.error_details)) {
    return "422 without validation_errors details";
  }
  return null;
}

/**
 * Thousands of generated malformed bodies (seeded, so any failure replays exactly):
 * every answer is a Lago-shaped 4xx and nothing is stored.
 */
describe("fuzzing the Lago API with malformed bodies", () => {
  it(`answers ${CASES} malformed requests with Lago 4xx errors and stores nothing (seed ${SEED})`, async () => {
    console.info(`[fuzz] seed ${SEED} (replay with FUZZ_SEED=${SEED})`);
    // The service has no subscription, so no event can be stored; a real metric lets
    // well-formed events get past the metric check to the subscription's.
    const { api, apiKey } = await createTestService("fuzz");
    const metricCode = uniqueCode("fuzz_metric");
    expect((await api.post("/billable_metrics", { billable_metric: { name: "Fuzz", code: metricCode, aggregation_type: "sum_agg", field_name: "units" } })).status).toBe(200);
    const before = await tableCounts();

    const rng = createRng(SEED);
    const cases: FuzzCase[] = Array.from({ length: CASES }, (_, index) => fuzzCase(rng, index, metricCode));
    const failures: string[] = [];
    const statuses = new Map<number, number>();
    let next = 0;
    const worker = async () => {
      while (next < cases.length) {
        const index = next++;
        const { path, body } = cases[index]!;
        const response = await fetch(`${inject("baseUrl")}/api/v1${path}`, {
          method: "POST",
          headers: { authorization: `Bearer ${apiKey}`, "content-type": "application/json" },
          body,
        });
        const text = await response.text();
        statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
        const violation = contractViolation(response.status, text);
        if (violation) {
          const sent = typeof body === "string" ? body : Buffer.from(body).toString("latin1");
          failures.push(`case ${index} POST ${path}: ${violation}; sent ${sent.slice(0, 300)}; got ${text.slice(0, 300)}`);
        }
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));

    console.info(`[fuzz] answers by status: ${JSON.stringify(Object.fromEntries([...statuses].sort(([a], [b]) => a - b)))}`);
    expect(failures.slice(0, 10), `${failures.length} contract violations with seed ${SEED}`).toEqual([]);
    expect(await tableCounts()).toEqual(before);
  });
});
