import { request as httpRequest } from "node:http";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { freePort, type RunningApp, startApp, TEST_METRICS_TOKEN } from "../support/app-server";
import { apiClient, createBillingSetup, createTestService, testDb, uniqueCode } from "../support/fixtures";

/**
 * One web process as production runs it (`npm start`): its metrics and readiness, and its
 * graceful stop, on the suite's database. Its Odoo is a closed port, so readiness has
 * something to refuse.
 */
let app: RunningApp;
let closedOdooPort: number;

beforeAll(async () => {
  closedOdooPort = await freePort();
  app = await startApp({
    DATABASE_URL: inject("databaseUrl"),
    METRICS_TOKEN: TEST_METRICS_TOKEN,
    ODOO_URL: `http://127.0.0.1:${closedOdooPort}`,
    ODOO_API_KEY: "no-odoo-here",
    SHUTDOWN_TIMEOUT_MS: "3000",
  });
});
afterAll(() => app.stop());

async function scrape(baseUrl: string, token: string | null = TEST_METRICS_TOKEN) {
  const response = await fetch(`${baseUrl}/api/metrics`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  return { status: response.status, type: response.headers.get("content-type"), text: await response.text() };
}

/** The value of one sample (`name{labels} value`), 0 when absent. */
function sample(text: string, name: string, labels = ""): number {
  const line = text.split("\n").find((l) => l.startsWith(labels ? `${name}{${labels}}` : `${name} `));
  return line ? Number(line.slice(line.lastIndexOf(" ") + 1)) : 0;
}

describe("GET /api/metrics", () => {
  it("is closed without the token, or with another one", async () => {
    expect((await scrape(app.baseUrl, null)).status).toBe(401);
    expect((await scrape(app.baseUrl, "not-the-metrics-token")).status).toBe(401);
  });

  it("counts accepted and refused events by reason, and the batch latency", async () => {
    const { api, apiKey } = await createTestService("metrics");
    const setup = await createBillingSetup(api);
    // Metrics are per process: what this process ingests is what its scrape counts.
    const local = apiClient(apiKey, app.baseUrl);
    const before = (await scrape(app.baseUrl)).text;
    const now = Math.floor(Date.now() / 1000);
    const event = (id: string, timestamp = now) => ({ transaction_id: id, external_subscription_id: setup.subscriptionId, code: setup.metricCode, timestamp, properties: { units: "2" } });
    const ids = [uniqueCode("tx"), uniqueCode("tx")];
    expect((await local.post("/events/batch", { events: ids.map((id) => event(id)) })).status).toBe(200);
    expect((await local.post("/events", { event: event(ids[0]!) })).status).toBe(200); // a retry: a duplicate
    expect((await local.post("/events/batch", { events: [event(uniqueCode("tx")), event(uniqueCode("tx"), 86_400)] })).status).toBe(422);
    expect((await apiClient("nxb_not_a_key", app.baseUrl).post("/events", { event: event(uniqueCode("tx")) })).status).toBe(401);
    const after = await scrape(app.baseUrl);
    expect(after.status).toBe(200);
    expect(after.type).toContain("text/plain");
    const delta = (name: string, labels = "") => sample(after.text, name, labels) - sample(before, name, labels);
    expect(delta("nexa_events_accepted_total", 'result="stored"')).toBe(2);
    expect(delta("nexa_events_accepted_total", 'result="duplicate"')).toBe(1);
    expect(delta("nexa_events_refused_total", 'reason="value_is_out_of_range"')).toBe(1);
    expect(delta("nexa_events_refused_total", 'reason="in_refused_batch"')).toBe(1);
    expect(delta("nexa_events_refused_total", 'reason="unauthorized"')).toBe(1);
    expect(delta("nexa_events_request_duration_seconds_count", 'endpoint="batch",status="2xx"')).toBe(1);
    expect(delta("nexa_events_request_duration_seconds_count", 'endpoint="batch",status="4xx"')).toBe(1);
  });

  it("reads the backlogs from the database: due and dead jobs by kind, webhooks, forwarding", async () => {
    const db = await testDb();
    const dead = await db.job.create({ data: { kind: "reconciliation", state: "dead", payload: {}, lastError: "test" } });
    try {
      const { text } = await scrape(app.baseUrl);
      expect(sample(text, "nexa_jobs_dead", 'kind="reconciliation"')).toBeGreaterThanOrEqual(1);
      expect(text).toMatch(/^nexa_job_backlog\{kind="usage_push"\} \d+$/m);
      expect(text).toMatch(/^nexa_webhook_backlog \d+$/m);
      expect(text).toMatch(/^nexa_webhook_dead \d+$/m);
      expect(text).toMatch(/^nexa_forwarding_backlog 0$/m);
      expect(sample(text, "nexa_database_up")).toBe(1);
      // Odoo's readiness check (a closed port here) shows as a failed call of the client.
      await fetch(`${app.baseUrl}/api/health/ready`);
      const afterCheck = (await scrape(app.baseUrl)).text;
      expect(sample(afterCheck, "nexa_odoo_call_errors_total", 'model="res.users",method="context_get",kind="network"')).toBeGreaterThanOrEqual(1);
    } finally {
      await db.job.delete({ where: { id: dead.id } });
    }
  });
});

describe("GET /api/health/ready", () => {
  it("is 503 naming Odoo when Odoo does not answer, 200 when only the database is asked about", async () => {
    const full = await fetch(`${app.baseUrl}/api/health/ready`);
    expect(full.status).toBe(503);
    const body = await full.json();
    expect(body).toMatchObject({ status: "not_ready", ready: false, checks: { database: { ok: true }, odoo: { ok: false } } });
    expect(body.reason).toMatch(/^odoo: cannot reach Odoo/);
    const databaseOnly = await fetch(`${app.baseUrl}/api/health/ready?only=database`);
    expect(databaseOnly.status).toBe(200);
    expect(await databaseOnly.json()).toMatchObject({ status: "ready", checks: { database: { ok: true } } });
    // The suite's own app has no Odoo: ready, with the check skipped.
    const plain = await (await fetch(`${inject("baseUrl")}/api/health/ready`)).json();
    expect(plain).toMatchObject({ ready: true, checks: { odoo: { ok: true, skipped: expect.stringContaining("not configured") } } });
  });
});

describe("request ids and the access log", () => {
  it("answers each request with an id, keeps a caller's plain one, and logs the path without its query", async () => {
    const kept = await fetch(`${app.baseUrl}/api/health?token=sekrit-in-a-query`, { headers: { "x-request-id": "lb-1234" } });
    expect(kept.headers.get("x-request-id")).toBe("lb-1234");
    const replaced = await fetch(`${app.baseUrl}/api/health`, { headers: { "x-request-id": "two words" } });
    expect(replaced.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
    await new Promise((resolve) => setTimeout(resolve, 200));
    const line = app.logs().split("\n").find((l) => l.includes('"requestId":"lb-1234"'));
    expect(JSON.parse(line!)).toMatchObject({ level: "info", msg: "request", method: "GET", path: "/api/health", status: 200 });
    expect(app.logs()).not.toContain("sekrit-in-a-query");
  });
});

/** A POST whose body is sent in two parts, `pauseMs` apart (or never finished): a request in flight. */
function slowPost(baseUrl: string, path: string, apiKey: string, body: string, pauseMs: number | "never") {
  const url = new URL(path, baseUrl);
  let sent = () => undefined as void;
  const answer = new Promise<{ status: number; body: string } | { error: string }>((resolve) => {
    const request = httpRequest(
      { host: url.hostname, port: url.port, path: url.pathname, method: "POST", headers: { authorization: `Bearer ${apiKey}`, "content-type": "application/json", "content-length": Buffer.byteLength(body) } },
      (response) => {
        let text = "";
        response.on("data", (chunk) => (text += chunk));
        response.on("end", () => resolve({ status: response.statusCode ?? 0, body: text }));
        response.on("error", (error) => resolve({ error: error.message }));
      },
    );
    request.on("error", (error) => resolve({ error: error.message }));
    const half = Math.floor(body.length / 2);
    request.write(body.slice(0, half));
    request.once("socket", (socket) => socket.once("connect", () => (sent(), undefined)));
    if (pauseMs !== "never") setTimeout(() => request.end(body.slice(half)), pauseMs);
  });
  const started = new Promise<void>((resolve) => (sent = resolve));
  return { answer, started };
}

describe("SIGTERM: a graceful, bounded stop", () => {
  it("answers the request in flight, cuts one that never ends after SHUTDOWN_TIMEOUT_MS, refuses new connections, exits 0", async () => {
    const { service, api, apiKey: key } = await createTestService("graceful");
    const setup = await createBillingSetup(api);
    const transactionId = uniqueCode("tx");
    const body = JSON.stringify({ event: { transaction_id: transactionId, external_subscription_id: setup.subscriptionId, code: setup.metricCode, timestamp: Math.floor(Date.now() / 1000), properties: { units: "5" } } });
    const inFlight = slowPost(app.baseUrl, "/api/v1/events", key, body, 1_500);
    const stuck = slowPost(app.baseUrl, "/api/v1/events", key, body, "never");
    await Promise.all([inFlight.started, stuck.started]);
    await new Promise((resolve) => setTimeout(resolve, 300));

    const exited = new Promise<number | null>((resolve) => app.process.once("exit", (code) => resolve(code)));
    const signalledAt = Date.now();
    process.kill(app.process.pid!, "SIGTERM");
    await new Promise((resolve) => setTimeout(resolve, 300));
    const refused = await fetch(`${app.baseUrl}/api/health`).then(() => "answered", (error: Error) => (error.cause as { code?: string })?.code ?? error.message);
    expect(refused).toBe("ECONNREFUSED");

    const answered = await inFlight.answer;
    expect(answered).toMatchObject({ status: 200 });
    expect(JSON.parse((answered as { body: string }).body).event.transaction_id).toBe(transactionId);
    expect(await stuck.answer).toHaveProperty("error");
    expect(await exited).toBe(0);
    const stoppedAfter = Date.now() - signalledAt;
    expect(stoppedAfter).toBeGreaterThanOrEqual(2_500);
    expect(stoppedAfter).toBeLessThan(8_000);
    expect(await (await testDb()).usageEvent.count({ where: { serviceId: service.id, transactionId } })).toBe(1);
    expect(app.logs()).toContain("in-flight requests did not finish in time");
  });
});
