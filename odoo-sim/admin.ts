/**
 * `/__sim/*` — test-only endpoints; not part of Odoo's API and not authenticated.
 *   POST /__sim/reset          {today?}                 wipe data, faults and request log
 *   POST /__sim/seed           {startDate?}             demo customer + monthly subscription
 *   GET  /__sim/state                                   dump of tables, clock, fault, log
 *   GET  /__sim/requests                                the request log only
 *   POST /__sim/faults         {mode, count?, delayMs?, retryAfterSeconds?, model?, method?}
 *   POST /__sim/clock          {today}                  move the simulator's clock
 *   POST /__sim/run_invoicing  {today}                  run the recurring invoice cron for that day
 *   POST /__sim/run_crons      {today, until?, crons?}  run sale_subscription's crons day by day (subscription-crons.ts)
 *   POST /__sim/payment        {move_id, payment_state} change an invoice's payment_state (paid reopens, as a matched payment does)
 *   POST /__sim/access         {model, operation, allowed} refuse (or grant) the hub's key an operation
 */
import { z } from "zod";
import { OPERATIONS } from "./access";
import { faultInput, toFault } from "./faults";
import { runRecurringInvoicing } from "./recurring-invoice";
import { reopenPaidChurned } from "./models/subscription-lifecycle";
import { runOdooDays, SUBSCRIPTION_CRONS } from "./subscription-crons";
import { PAYMENT_STATES } from "./models/account-move";
import { readRecords } from "./orm";
import { getRecord } from "./records";
import { jsonReply, type Reply } from "./reply";
import { seedDemo } from "./seed";
import { dumpState, envFor, resetSimState, type SimState } from "./state";

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const cronsInput = z.object({ today: isoDate, until: isoDate.optional(), crons: z.array(z.enum(SUBSCRIPTION_CRONS)).min(1).optional() })
  .refine((v) => !v.until || v.until >= v.today, { message: "until must not be before today" })
  .refine((v) => !v.until || Date.parse(v.until) - Date.parse(v.today) <= 3660 * 86_400_000, { message: "at most ten years of days per call" });
const accessInput = z.object({ model: z.string().min(1), operation: z.enum(OPERATIONS), allowed: z.boolean() });
const paymentInput = z.object({
  move_id: z.number().int().positive(),
  payment_state: z.enum(PAYMENT_STATES.map(([k]) => k) as [string, ...string[]]),
});

function parse<T>(schema: z.ZodType<T>, body: string): T {
  const raw: unknown = body.trim() ? JSON.parse(body) : {};
  return schema.parse(raw);
}

export function handleAdmin(sim: SimState, httpMethod: string, path: string, body: string): Reply {
  try {
    return route(sim, httpMethod, path, body);
  } catch (err) {
    const message = err instanceof z.ZodError ? z.prettifyError(err) : (err as Error).message;
    return jsonReply(400, { error: message });
  }
}

function route(sim: SimState, httpMethod: string, path: string, body: string): Reply {
  const name = path.replace(/^\/__sim\//, "").replace(/\/$/, "");
  if (name === "state") return jsonReply(200, dumpState(sim));
  if (name === "requests") return jsonReply(200, sim.requests);
  if (httpMethod !== "POST") return jsonReply(405, { error: `POST /__sim/${name}` });
  switch (name) {
    case "reset": {
      const { today } = parse(z.object({ today: isoDate.optional() }), body);
      resetSimState(sim, today);
      return jsonReply(200, { ok: true, today: sim.today });
    }
    case "seed":
      return jsonReply(200, seedDemo(sim, parse(z.object({ startDate: isoDate.optional() }), body)));
    case "faults":
      sim.fault = toFault(parse(faultInput, body));
      return jsonReply(200, { fault: sim.fault });
    case "clock":
      sim.today = parse(z.object({ today: isoDate }), body).today;
      return jsonReply(200, { today: sim.today });
    case "run_invoicing": {
      const { today } = parse(z.object({ today: isoDate }), body);
      sim.today = today;
      return jsonReply(200, { today, invoiced: runRecurringInvoicing(envFor(sim), today) });
    }
    case "run_crons": {
      const { today, until, crons } = parse(cronsInput, body);
      const days = runOdooDays(envFor(sim), today, until, crons);
      sim.today = until ?? today;
      return jsonReply(200, { days });
    }
    case "access": {
      const input = parse(accessInput, body);
      sim.accessOverrides.set(`${input.model}:${input.operation}`, input.allowed);
      return jsonReply(200, { access: Object.fromEntries(sim.accessOverrides) });
    }
    case "payment": {
      const input = parse(paymentInput, body);
      const move = getRecord(envFor(sim), "account.move", input.move_id);
      if (!move) return jsonReply(404, { error: `account.move ${input.move_id} not found` });
      move.payment_state = input.payment_state;
      reopenPaidChurned(envFor(sim), move);
      return jsonReply(200, readRecords(envFor(sim), "account.move", [move.id], ["name", "state", "payment_state", "amount_total", "amount_residual"])[0]);
    }
    default:
      return jsonReply(404, { error: `unknown simulator endpoint /__sim/${name}` });
  }
}
