import { randomUUID } from "node:crypto";
import { hostname } from "node:os";
import type { Logger } from "pino";
import { acquireLease, releaseLease, releaseLeases, setLeaseExpiry } from "~/server/db/cron-lease";
import type { Db } from "~/server/db/client";
import type { Env } from "~/server/env";
import { releaseJobLeases } from "~/server/jobs/release-job-leases";
import { renewJobLeases } from "~/server/jobs/renew-job-leases";
import type { OdooClient } from "~/server/odoo";
import { runSchedule } from "~/server/schedules/run-schedule";
import { SCHEDULE_NAMES, SCHEDULES, scheduleCadences, type ScheduleName, schedulePeriod } from "~/server/schedules/schedules";
import { drainQueuedRuns } from "./drain-queued-runs";

export interface Worker {
  id: string;
  /** The schedules this worker fires, with their periods in ms. */
  schedules: Partial<Record<ScheduleName, number>>;
  /** What it is doing now: schedule names, and "queued runs". */
  busy: () => string[];
  /** The graceful stop (SIGTERM): resolves once in-flight work finished or was given back. */
  stop: (reason: string) => Promise<{ finished: boolean }>;
}

interface Task {
  promise: Promise<void>;
  /** A schedule's lease, held for its period and renewed while the run lasts. */
  lease?: { name: string; owner: string; periodEnd: Date };
  scheduleRunId?: string;
}

const QUEUED_RUNS = "queued runs";
const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error)).slice(0, 500);

/**
 * The worker loop (`npm run worker`). Every `tickMs` it fires each schedule whose current
 * period no worker has fired yet, and runs the runs the console queued, one at a time.
 *
 * Once per period, with any number of workers: a schedule's period is a lease in
 * `cron_leases` (`schedule:<name>`) taken in one statement and held until the period ends
 * (longer, renewed, while its run lasts), under an owner naming the period, so neither
 * another worker nor this one can take it again within the period. Queued runs are job
 * table claims (SKIP LOCKED) under leases of WORKER_LEASE_MS that the worker renews every
 * third of that: a killed worker's job is retaken by another within one lease.
 *
 * The stop: no schedule fires and no job is claimed any more; in-flight runs get up to
 * `shutdownTimeoutMs`; what is still running then is given back (job leases released,
 * schedule leases dropped so another worker runs the period again, their runs recorded
 * as failed).
 */
export function startWorker(options: { db: Db; settings: Env; odoo: () => OdooClient; sealingKey: Buffer; log: Logger; tickMs?: number }): Worker {
  const { db, settings, log } = options;
  const id = `worker-${hostname()}-${process.pid}-${randomUUID().slice(0, 8)}`;
  const jobsOwner = `${id}/jobs`;
  const leaseMs = settings.WORKER_LEASE_MS;
  const cadences = scheduleCadences(settings.WORKER_SCHEDULE_SECONDS);
  const odooConfigured = Boolean(settings.ODOO_URL && settings.ODOO_API_KEY);
  const schedules: Partial<Record<ScheduleName, number>> = {};
  for (const name of SCHEDULE_NAMES) {
    if (cadences[name] === 0) log.info({ schedule: name }, "schedule off (WORKER_SCHEDULE_SECONDS)");
    else if (SCHEDULES[name].needsOdoo && !odooConfigured) log.warn({ schedule: name }, "schedule off: Odoo is not configured (ODOO_URL, ODOO_API_KEY)");
    else schedules[name] = cadences[name];
  }
  const stopping = new AbortController();
  const tasks = new Map<string, Task>();

  // When each schedule may be tried next: its period's end once taken, sooner when another
  // worker's lease may lapse (it died or overran).
  const nextTry = new Map<ScheduleName, number>();

  const track = (key: string, task: Task, work: (task: Task) => Promise<void>) => {
    tasks.set(key, task);
    task.promise = work(task)
      .catch((error: unknown) => log.warn({ task: key, err: errorText(error) }, "worker pass failed; tried again at the next tick"))
      .finally(() => tasks.delete(key));
  };

  const fireSchedule = (name: ScheduleName, cadenceMs: number) =>
    track(name, { promise: Promise.resolve() }, async (task) => {
      const now = new Date();
      const period = schedulePeriod(now, cadenceMs);
      const lease = { name: `schedule:${name}`, owner: `${id}/period/${period.start.toISOString()}`, periodEnd: period.end };
      const ttlMs = Math.max(period.end.getTime() - now.getTime(), leaseMs);
      nextTry.set(name, Math.min(period.end.getTime(), now.getTime() + leaseMs));
      if (!(await acquireLease({ db, name: lease.name, owner: lease.owner, ttlMs, now }))) return;
      nextTry.set(name, period.end.getTime());
      task.lease = lease;
      const started = performance.now();
      try {
        const result = await runSchedule({
          db, settings, odoo: options.odoo, name, trigger: "worker", period: period.start,
          signal: stopping.signal, owner: `${jobsOwner}/${name}`, onStarted: (runId) => (task.scheduleRunId = runId),
        });
        log.info({ schedule: name, period: period.start.toISOString(), durationMs: Math.round(performance.now() - started), result: summaryOf(result) }, "schedule run finished");
      } catch (error) {
        log.error({ schedule: name, period: period.start.toISOString(), err: errorText(error) }, "schedule run failed");
      } finally {
        task.lease = undefined;
        // The period stays taken until it ends; a run that outlasted it frees the next one now.
        if (period.end.getTime() > Date.now()) await setLeaseExpiry({ db, ...lease, expiresAt: period.end }).catch(() => undefined);
        else await releaseLease({ db, ...lease }).catch(() => undefined);
      }
    });

  const drainRuns = () =>
    track(QUEUED_RUNS, { promise: Promise.resolve() }, async () => {
      while (!stopping.signal.aborted) {
        const { jobs } = await drainQueuedRuns({ db, odoo: options.odoo, sealingKey: options.sealingKey, maxJobs: 1, owner: `${jobsOwner}/runs`, leaseMs, signal: stopping.signal });
        if (!jobs.length) return;
        for (const job of jobs) log.info({ job: job.jobId, outcome: job.outcome, ...(job.error ? { error: job.error } : {}) }, "queued run processed");
      }
    });

  const tick = () => {
    if (stopping.signal.aborted) return;
    for (const [name, cadenceMs] of Object.entries(schedules) as Array<[ScheduleName, number]>) {
      if (!tasks.has(name) && Date.now() >= (nextTry.get(name) ?? 0)) fireSchedule(name, cadenceMs);
    }
    if (!tasks.has(QUEUED_RUNS)) drainRuns();
  };

  const renew = async () => {
    const expiresAt = new Date(Date.now() + leaseMs);
    await renewJobLeases({ db, ownerPrefix: `${id}/`, expiresAt });
    for (const { lease } of tasks.values()) {
      if (lease) await setLeaseExpiry({ db, ...lease, expiresAt: new Date(Math.max(lease.periodEnd.getTime(), expiresAt.getTime())) });
    }
  };

  const ticker = setInterval(tick, options.tickMs ?? 1_000);
  const renewer = setInterval(() => void renew().catch((error: unknown) => log.warn({ err: errorText(error) }, "could not renew the worker's leases")), Math.max(100, Math.floor(leaseMs / 3)));
  log.info({ worker: id, schedules, leaseMs }, "worker started");
  tick();

  let stopped: Promise<{ finished: boolean }> | undefined;
  const stop = (reason: string) => (stopped ??= (async () => {
    stopping.abort();
    clearInterval(ticker);
    log.info({ reason, busy: [...tasks.keys()], timeoutMs: settings.SHUTDOWN_TIMEOUT_MS }, "stopping: taking no new work, finishing what is in flight");
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<"timeout">((resolve) => (timer = setTimeout(() => resolve("timeout"), settings.SHUTDOWN_TIMEOUT_MS)));
    const finished = (await Promise.race([Promise.allSettled([...tasks.values()].map((task) => task.promise)), timedOut])) !== "timeout";
    clearTimeout(timer);
    clearInterval(renewer);
    if (!finished) await giveBack();
    log.info({ finished }, "worker stopped");
    return { finished };
  })());

  const giveBack = async () => {
    const released = await releaseJobLeases({ db, ownerPrefix: `${id}/` }).catch(() => []);
    await releaseLeases({ db, ownerPrefix: `${jobsOwner}/` }).catch(() => undefined);
    for (const [key, task] of tasks) {
      if (task.lease) await releaseLease({ db, ...task.lease }).catch(() => undefined);
      if (task.scheduleRunId) {
        await db.scheduleRun
          .updateMany({ where: { id: task.scheduleRunId, outcome: "running" }, data: { outcome: "failed", finishedAt: new Date(), error: "interrupted: the worker was stopped before the run finished; the period runs again on another worker" } })
          .catch(() => undefined);
      }
      log.warn({ task: key }, "in-flight work did not finish in time: given back");
    }
    if (released.length) log.warn({ jobs: released }, "job leases released");
  };

  return { id, schedules, busy: () => [...tasks.keys()], stop };
}

/** The counts of a run's result for the log line (never its rows). */
function summaryOf(result: unknown): Record<string, number> {
  if (!result || typeof result !== "object") return {};
  return Object.fromEntries(Object.entries(result).map(([key, value]) => [key, Array.isArray(value) ? value.length : typeof value === "number" ? value : NaN]).filter(([, value]) => !Number.isNaN(value)));
}
