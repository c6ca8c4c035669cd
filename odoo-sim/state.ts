/** The simulator's mutable state: data, clock, credentials, faults and a request log. */
import { todayUtc } from "./dates";
import type { Fault } from "./faults";
import { buildRegistry } from "./models/registry";
import { createRecords } from "./orm";
import type { Env, ModelDef, SimData } from "./models/types";

export interface RequestLogEntry {
  seq: number;
  protocol: "json2" | "jsonrpc" | "other";
  model?: string;
  method?: string;
  /** HTTP status sent; 0 when the socket was dropped (fault "down"). */
  status: number;
  /** Odoo exception name when the call failed. */
  error?: string;
  fault?: string;
}

export interface SimState {
  readonly apiKey: string;
  readonly database: string;
  readonly login: string;
  /** The API key's user (a dedicated bot user in production). */
  readonly uid: number;
  readonly registry: Map<string, ModelDef>;
  data: SimData;
  today: string;
  fault: Fault | null;
  requests: RequestLogEntry[];
}

export function emptyData(): SimData {
  return { tables: new Map(), nextIds: new Map(), sequences: new Map() };
}

export function envFor(sim: SimState, context: Record<string, unknown> = {}): Env {
  return { data: sim.data, registry: sim.registry, uid: sim.uid, context, today: sim.today };
}

/** Base data every database has: currencies and the "Units" unit of measure. */
function loadBaseData(sim: SimState): void {
  const env = envFor(sim);
  createRecords(env, "res.currency", [{ name: "USD", symbol: "$" }, { name: "EUR", symbol: "€" }]);
  createRecords(env, "uom.uom", [{ name: "Units" }]);
}

export function createSimState(opts: { apiKey: string; database: string; login: string; today?: string }): SimState {
  const sim: SimState = {
    apiKey: opts.apiKey,
    database: opts.database,
    login: opts.login,
    uid: 2,
    registry: buildRegistry(),
    data: emptyData(),
    today: opts.today ?? todayUtc(),
    fault: null,
    requests: [],
  };
  loadBaseData(sim);
  return sim;
}

export function resetSimState(sim: SimState, today?: string): void {
  sim.data = emptyData();
  sim.fault = null;
  sim.requests = [];
  sim.today = today ?? todayUtc();
  loadBaseData(sim);
}

export function logRequest(sim: SimState, entry: Omit<RequestLogEntry, "seq">): void {
  sim.requests.push({ seq: sim.requests.length + 1, ...entry });
}

/** Plain-JSON dump of every table (for /__sim/state). */
export function dumpState(sim: SimState) {
  const models: Record<string, unknown[]> = {};
  for (const [name, t] of sim.data.tables) models[name] = [...t.values()];
  return { database: sim.database, today: sim.today, fault: sim.fault, requests: sim.requests, models };
}
