import type { DbOrTx } from "~/server/db/client";
import type { OdooClient } from "~/server/odoo";

export type ReadinessCheck = { ok: true; latencyMs: number } | { ok: false; error: string } | { ok: true; skipped: string };

export interface Readiness {
  ready: boolean;
  /** Why not, in one line (the first failing check), when not ready. */
  reason?: string;
  draining: boolean;
  checks: { database: ReadinessCheck; odoo?: ReadinessCheck };
}

const CHECK_TIMEOUT_MS = 3_000;
// Readiness is probed every few seconds by every instance: Odoo is asked at most this often per process.
const ODOO_CHECK_TTL_MS = 10_000;
const cache = globalThis as unknown as { nexaOdooReadiness?: { at: number; check: ReadinessCheck } };

async function timed(run: (signal: AbortSignal) => Promise<unknown>): Promise<ReadinessCheck> {
  const started = performance.now();
  const signal = AbortSignal.timeout(CHECK_TIMEOUT_MS);
  try {
    await Promise.race([
      run(signal),
      new Promise((_, reject) => signal.addEventListener("abort", () => reject(new Error(`no answer within ${CHECK_TIMEOUT_MS} ms`)), { once: true })),
    ]);
    return { ok: true, latencyMs: Math.round(performance.now() - started) };
  } catch (error) {
    return { ok: false, error: (error instanceof Error ? error.message : String(error)).split("\n", 1)[0]!.slice(0, 300) };
  }
}

async function checkOdoo(odoo: OdooClient | null, now: number): Promise<ReadinessCheck> {
  if (!odoo) return { ok: true, skipped: "Odoo is not configured (ODOO_URL)" };
  const cached = cache.nexaOdooReadiness;
  if (cached && now - cached.at < ODOO_CHECK_TTL_MS) return cached.check;
  // An authenticated, read-only call: proves the address, the database and the API key.
  const check = await timed((signal) => odoo.call("res.users", "context_get", {}, { retry: false, signal }));
  cache.nexaOdooReadiness = { at: now, check };
  return check;
}

/**
 * Can this instance do its work: the database answers, and so does Odoo when one is
 * configured (`checks: ["database"]` leaves Odoo out, for a load balancer that should keep
 * sending ingestion traffic while Odoo is down). A draining instance (stopping) is not ready.
 */
export async function checkReadiness(options: {
  db: DbOrTx;
  odoo: () => OdooClient | null;
  draining: boolean;
  checks?: ReadonlyArray<"database" | "odoo">;
  now?: number;
}): Promise<Readiness> {
  const wanted = options.checks ?? ["database", "odoo"];
  const [database, odoo] = await Promise.all([
    timed(() => options.db.$queryRaw`SELECT 1`),
    wanted.includes("odoo") ? checkOdoo(options.odoo(), options.now ?? Date.now()) : undefined,
  ]);
  const checks = { database, ...(odoo ? { odoo } : {}) };
  const failing = Object.entries(checks).find(([, check]) => !check.ok) as [string, { error: string }] | undefined;
  const reason = options.draining ? "draining: the process is stopping" : failing ? `${failing[0]}: ${failing[1].error}` : undefined;
  return { ready: reason === undefined, ...(reason ? { reason } : {}), draining: options.draining, checks };
}
