import { createDb } from "~/server/db/client";
import { createService } from "~/server/services/create-service";
import { apiClient, createBillingSetup, uniqueCode } from "../support/fixtures";

/** A service with a sum metric, plan, customer and active subscription, on a private app. */
export async function seedMeteredService(baseUrl: string, databaseUrl: string) {
  const { db, close } = await createDb(databaseUrl, { poolSize: 2 });
  const { service, apiKey } = await createService({ db, code: uniqueCode("hardening"), name: "Hardening" });
  const setup = await createBillingSetup(apiClient(apiKey, baseUrl));
  return { db, close, serviceId: service.id, apiKey, ...setup };
}

export interface WireEvent {
  transaction_id: string;
  external_subscription_id: string;
  code: string;
  timestamp: number;
  properties: { units: number };
}

/** `count` batches of `size` events with distinct ids and varied units, stamped now. */
export function makeBatches(options: { subscriptionId: string; metricCode: string; count: number; size: number }): WireEvent[][] {
  const timestamp = Math.floor(Date.now() / 1000);
  return Array.from({ length: options.count }, (_, batch) =>
    Array.from({ length: options.size }, (_, index) => ({
      transaction_id: `tx-${batch}-${index}`,
      external_subscription_id: options.subscriptionId,
      code: options.metricCode,
      timestamp,
      properties: { units: ((batch * options.size + index) % 7) + 1 },
    })),
  );
}

export const totalUnits = (batches: WireEvent[][]) => batches.flat().reduce((sum, event) => sum + event.properties.units, 0);

/** One answer as the client saw it: an HTTP status, or "network" when no answer came. */
export interface Attempt {
  status: number | "network";
  body?: unknown;
  retryAfter?: string | null;
}

/**
 * Posts every batch with `concurrency` workers, each retrying a batch until it is
 * answered 200, as a well-behaved Lago client does. Once `fault.afterAcknowledged`
 * batches are in, `fault.run` is started (once) while the other workers keep sending;
 * `baseUrl` is read on every attempt so a fault can move clients to a restarted server.
 * Resolves when every batch is acknowledged and the fault is over; fails after `deadlineMs`.
 */
export async function sendUntilAcknowledged(options: {
  baseUrl: () => string;
  apiKey: string;
  batches: WireEvent[][];
  concurrency: number;
  deadlineMs: number;
  fault: { afterAcknowledged: number; run: () => Promise<void> };
}): Promise<Attempt[]> {
  const attempts: Attempt[] = [];
  const deadline = Date.now() + options.deadlineMs;
  let next = 0;
  let acknowledged = 0;
  let fault: Promise<void> | undefined;
  const post = async (events: WireEvent[]): Promise<Attempt> => {
    try {
      const response = await fetch(`${options.baseUrl()}/api/v1/events/batch`, {
        method: "POST",
        headers: { authorization: `Bearer ${options.apiKey}`, "content-type": "application/json" },
        body: JSON.stringify({ events }),
        signal: AbortSignal.timeout(10_000),
      });
      const text = await response.text();
      return { status: response.status, body: text ? JSON.parse(text) : undefined, retryAfter: response.headers.get("retry-after") };
    } catch {
      return { status: "network" };
    }
  };
  const worker = async () => {
    while (next < options.batches.length) {
      const batch = options.batches[next++]!;
      for (;;) {
        if (Date.now() > deadline) throw new Error(`batches still unacknowledged after ${options.deadlineMs} ms`);
        const attempt = await post(batch);
        attempts.push(attempt);
        if (attempt.status === 200) acknowledged++;
        if (acknowledged >= options.fault.afterAcknowledged) fault ??= options.fault.run();
        if (attempt.status === 200) break;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, worker));
  if (!fault) throw new Error("the stream ended before the fault was injected");
  await fault;
  return attempts;
}

/** What the hub stored and what it reports: rows for the service and current usage units. */
export async function storedUsage(baseUrl: string, seeded: Awaited<ReturnType<typeof seedMeteredService>>) {
  const rows = await seeded.db.usageEvent.count({ where: { serviceId: seeded.serviceId } });
  const usage = await apiClient(seeded.apiKey, baseUrl).get(
    `/customers/${seeded.customerId}/current_usage?external_subscription_id=${seeded.subscriptionId}`,
  );
  return { rows, units: Number(usage.body.customer_usage.charges_usage[0].units) };
}

/**
 * The whole drill of a fault test: a metered service on the app at `baseUrl`, `count`
 * batches of `size` events sent until each is acknowledged while `fault` strikes, then
 * what the hub stored beside the units that were sent. `cleanup` gets the seed's close.
 */
export async function streamThroughFault(options: {
  baseUrl: () => string;
  databaseUrl: string;
  count: number;
  size: number;
  concurrency: number;
  deadlineMs: number;
  fault: { afterAcknowledged: number; run: () => Promise<void> };
  cleanup: Array<() => Promise<void>>;
}) {
  const seeded = await seedMeteredService(options.baseUrl(), options.databaseUrl);
  options.cleanup.push(seeded.close);
  const batches = makeBatches({ subscriptionId: seeded.subscriptionId, metricCode: seeded.metricCode, count: options.count, size: options.size });
  const attempts = await sendUntilAcknowledged({ ...options, apiKey: seeded.apiKey, batches });
  return { attempts, sentUnits: totalUnits(batches), stored: () => storedUsage(options.baseUrl(), seeded) };
}

