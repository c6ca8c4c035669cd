/**
 * Fault injection for the Odoo API endpoints (never for /__sim/*).
 *
 * Transport faults act before Odoo "sees" the request (proxy / worker level):
 *  - down:        the socket is destroyed without a response (connection reset);
 *  - unavailable: 503 from the front proxy (e.g. odoo.sh during a rebuild), HTML body;
 *  - slow:        the request is held `delayMs`, then served normally;
 *  - rate_limit:  429 with `Retry-After: <retryAfterSeconds>` (Odoo itself has no rate
 *                 limiter; hosted front proxies answer 429), HTML body;
 *  - lost_response: Odoo handles (and commits) the call, then the connection drops before
 *                 the answer — the case that makes blind retries of `create` unsafe.
 * Execution faults act where Odoo would raise them:
 *  - access_error:      odoo.exceptions.AccessError (json2 → 403);
 *  - concurrency_error: psycopg2.errors.SerializationFailure re-raised by retrying()
 *                       after MAX_TRIES_ON_CONCURRENCY_FAILURE (json2 → 500).
 */
import { z } from "zod";

export const FAULT_MODES = ["none", "down", "unavailable", "slow", "rate_limit", "lost_response", "access_error", "concurrency_error"] as const;
export type FaultMode = (typeof FAULT_MODES)[number];

export const faultInput = z.object({
  mode: z.enum(FAULT_MODES),
  /** How many matching requests the fault affects; omitted = until cleared. */
  count: z.number().int().positive().optional(),
  delayMs: z.number().int().nonnegative().optional(),
  retryAfterSeconds: z.number().int().nonnegative().optional(),
  /** Only requests on this model / method are affected. */
  model: z.string().optional(),
  method: z.string().optional(),
});
export type FaultInput = z.infer<typeof faultInput>;

export interface Fault {
  mode: Exclude<FaultMode, "none">;
  remaining: number | null;
  delayMs: number;
  retryAfterSeconds: number;
  model?: string;
  method?: string;
}

export function toFault(input: FaultInput): Fault | null {
  if (input.mode === "none") return null;
  return {
    mode: input.mode,
    remaining: input.count ?? null,
    delayMs: input.delayMs ?? 5_000,
    retryAfterSeconds: input.retryAfterSeconds ?? 1,
    model: input.model,
    method: input.method,
  };
}

const TRANSPORT: ReadonlySet<string> = new Set(["down", "unavailable", "slow", "rate_limit", "lost_response"]);

/** Returns (and consumes one use of) the active fault if it applies at this phase. */
export function takeFault(
  holder: { fault: Fault | null },
  phase: "transport" | "execute",
  target: { model?: string; method?: string },
): Fault | undefined {
  const f = holder.fault;
  if (!f) return undefined;
  if (TRANSPORT.has(f.mode) !== (phase === "transport")) return undefined;
  if (f.model && f.model !== target.model) return undefined;
  if (f.method && f.method !== target.method) return undefined;
  if (f.remaining !== null) {
    f.remaining -= 1;
    if (f.remaining <= 0) holder.fault = null;
  }
  return f;
}

export function proxyHtml(status: number, title: string): string {
  return `<html>\r\n<head><title>${status} ${title}</title></head>\r\n<body>\r\n<center><h1>${status} ${title}</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n`;
}
