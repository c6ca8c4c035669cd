import { randomBytes } from "node:crypto";
import { inject } from "vitest";
import { createDb, type Db } from "~/server/db/client";
import { createService } from "~/server/services/create-service";

export const uniqueCode = (prefix: string) => `${prefix}_${randomBytes(4).toString("hex")}`;

let shared: Promise<{ db: Db; close: () => Promise<void> }> | undefined;

/** A direct connection to the suite's database, for seeding and for asserting what was stored. */
export async function testDb(): Promise<Db> {
  shared ??= createDb(inject("databaseUrl"), { poolSize: 4 });
  return (await shared).db;
}

export interface ApiResponse<T = any> {
  status: number;
  body: T;
  headers: Headers;
}

/** A tiny Lago API client over real HTTP; `raw` sends a body verbatim (for malformed input). */
export function apiClient(apiKey: string | null, baseUrl = inject("baseUrl")) {
  const request = async (method: string, path: string, body?: unknown, init: { raw?: string; headers?: Record<string, string> } = {}): Promise<ApiResponse> => {
    const response = await fetch(`${baseUrl}/api/v1${path}`, {
      method,
      headers: {
        ...(apiKey ? { authorization: `Bearer ${apiKey}` } : {}),
        ...(body !== undefined || init.raw !== undefined ? { "content-type": "application/json" } : {}),
        ...init.headers,
      },
      body: init.raw ?? (body === undefined ? undefined : JSON.stringify(body)),
    });
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = JSON.parse(text);
    } catch {
      // keep text: asserting on it shows what came back
    }
    return { status: response.status, body: parsed, headers: response.headers };
  };
  return {
    get: (path: string) => request("GET", path),
    post: (path: string, body?: unknown, init?: { raw?: string; headers?: Record<string, string> }) => request("POST", path, body, init),
    put: (path: string, body?: unknown) => request("PUT", path, body),
    delete: (path: string) => request("DELETE", path),
  };
}

/** A fresh service with its own API key, so tests never see each other's data. */
export async function createTestService(prefix = "svc") {
  const db = await testDb();
  const { service, apiKey } = await createService({ db, code: uniqueCode(prefix), name: "Test service" });
  return { service, apiKey, api: apiClient(apiKey) };
}

/** A metric + plan + customer + active subscription, created over the API. */
export async function createBillingSetup(
  api: ReturnType<typeof apiClient>,
  options: {
    aggregation?: string;
    fieldName?: string;
    chargeModel?: string;
    properties?: Record<string, unknown>;
    subscriptionAt?: string;
    billingTime?: "calendar" | "anniversary";
    interval?: string;
    payInAdvance?: boolean;
  } = {},
) {
  const metricCode = uniqueCode("metric");
  const planCode = uniqueCode("plan");
  const customerId = uniqueCode("cust");
  const subscriptionId = uniqueCode("sub");
  const metric = await api.post("/billable_metrics", {
    billable_metric: { name: "Metric", code: metricCode, aggregation_type: options.aggregation ?? "sum_agg", field_name: options.fieldName ?? "units" },
  });
  if (metric.status !== 200) throw new Error(`metric: ${JSON.stringify(metric.body)}`);
  const plan = await api.post("/plans", {
    plan: {
      name: "Plan", code: planCode, interval: options.interval ?? "monthly", amount_cents: 1000, amount_currency: "CAD", pay_in_advance: options.payInAdvance ?? false,
      charges: [{ billable_metric_id: metric.body.billable_metric.lago_id, charge_model: options.chargeModel ?? "standard", properties: options.properties ?? { amount: "0.50" } }],
    },
  });
  if (plan.status !== 200) throw new Error(`plan: ${JSON.stringify(plan.body)}`);
  await api.post("/customers", { customer: { external_id: customerId, name: "Customer", currency: "CAD" } });
  const subscription = await api.post("/subscriptions", {
    subscription: {
      external_customer_id: customerId, plan_code: planCode, external_id: subscriptionId,
      billing_time: options.billingTime ?? "calendar", subscription_at: options.subscriptionAt ?? "2020-01-01T00:00:00Z",
    },
  });
  if (subscription.status !== 200) throw new Error(`subscription: ${JSON.stringify(subscription.body)}`);
  return { metricCode, planCode, customerId, subscriptionId, metricId: metric.body.billable_metric.lago_id as string };
}
