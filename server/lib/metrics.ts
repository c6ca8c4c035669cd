import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from "prom-client";

/**
 * The process's Prometheus metrics (prom-client). Counters and histograms count what this
 * process did since it started (Prometheus sums them across instances); the gauges of
 * backlogs and schedules are set from the database when /api/metrics is scraped, so every
 * instance reports the same values (aggregate them with max, not sum).
 */
function createMetrics() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: "nexa_process_" });
  const register = [registry];
  return {
    registry,
    eventsAccepted: new Counter({
      name: "nexa_events_accepted_total",
      help: "Usage events answered 200: stored, or found already stored (an idempotent retry)",
      labelNames: ["result"] as const,
      registers: register,
    }),
    eventsRefused: new Counter({
      name: "nexa_events_refused_total",
      help: "Usage events refused, by reason (Lago's error code; a request refused before its events were read counts once)",
      labelNames: ["reason"] as const,
      registers: register,
    }),
    eventsRequestSeconds: new Histogram({
      name: "nexa_events_request_duration_seconds",
      help: "Latency of POST /api/v1/events and /events/batch, by endpoint and status class",
      labelNames: ["endpoint", "status"] as const,
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
      registers: register,
    }),
    odooCallSeconds: new Histogram({
      name: "nexa_odoo_call_duration_seconds",
      help: "Latency of each Odoo call (retries included), by model, method and outcome",
      labelNames: ["model", "method", "outcome"] as const,
      buckets: [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
      registers: register,
    }),
    odooCallErrors: new Counter({
      name: "nexa_odoo_call_errors_total",
      help: "Odoo calls that failed after their retries, by model, method and error kind",
      labelNames: ["model", "method", "kind"] as const,
      registers: register,
    }),
    rateLimitStoreErrors: new Counter({
      name: "nexa_rate_limit_store_errors_total",
      help: "Failed reservations from the shared rate-limit store (the process then counts alone)",
      registers: register,
    }),
    jobs: new Gauge({ name: "nexa_jobs", help: "Jobs in the job table by kind and state (succeeded ones are not counted)", labelNames: ["kind", "state"] as const, registers: register }),
    jobBacklog: new Gauge({ name: "nexa_job_backlog", help: "Jobs due now and not claimed, by kind", labelNames: ["kind"] as const, registers: register }),
    jobsDead: new Gauge({ name: "nexa_jobs_dead", help: "Dead jobs by kind (need ops: Jobs screen, Retry)", labelNames: ["kind"] as const, registers: register }),
    webhookBacklog: new Gauge({ name: "nexa_webhook_backlog", help: "Webhook deliveries due now and not sent yet", registers: register }),
    webhookPending: new Gauge({ name: "nexa_webhook_pending", help: "Webhook deliveries pending (due or waiting for their retry)", registers: register }),
    webhookDead: new Gauge({ name: "nexa_webhook_dead", help: "Dead webhook deliveries (retry window over; Webhooks screen, Replay)", registers: register }),
    forwardingBacklog: new Gauge({ name: "nexa_forwarding_backlog", help: "Events waiting in the forwarding outbox to Lago during a migration (0 while no service forwards)", registers: register }),
    scheduleLastStart: new Gauge({ name: "nexa_schedule_last_start_timestamp_seconds", help: "When each schedule's last run started", labelNames: ["schedule"] as const, registers: register }),
    scheduleLastSuccess: new Gauge({ name: "nexa_schedule_last_success_timestamp_seconds", help: "When each schedule's last run without errors finished", labelNames: ["schedule"] as const, registers: register }),
    scheduleLastDuration: new Gauge({ name: "nexa_schedule_last_duration_seconds", help: "How long each schedule's last finished run took", labelNames: ["schedule"] as const, registers: register }),
    scheduleLastFailed: new Gauge({ name: "nexa_schedule_last_run_failed", help: "1 when each schedule's last finished run failed or had errors", labelNames: ["schedule"] as const, registers: register }),
    databaseUp: new Gauge({ name: "nexa_database_up", help: "1 when the database answered the scrape's queries", registers: register }),
  };
}

export type Metrics = ReturnType<typeof createMetrics>;

// On globalThis: the web server, the worker loop and every route bundle share one registry.
const shared = globalThis as unknown as { nexaMetrics?: Metrics };

export function metrics(): Metrics {
  shared.nexaMetrics ??= createMetrics();
  return shared.nexaMetrics;
}
