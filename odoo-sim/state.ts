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
  /** What a fresh database holds: the company's currency and the currencies activated besides it. */
  readonly baseline: SimBaseline;
  data: SimData;
  today: string;
  fault: Fault | null;
  requests: RequestLogEntry[];
}

export interface SimBaseline {
  companyCurrency: string;
  activeCurrencies: string[];
}

/** ISO currencies a fresh database knows (Odoo ships them all, inactive but the company's). */
const CURRENCIES: Array<[code: string, symbol: string, fullName: string, rounding: number]> = [
  ["USD", "$", "United States dollar", 0.01], ["CAD", "$", "Canadian dollar", 0.01], ["EUR", "€", "Euro", 0.01],
  ["GBP", "£", "Pound sterling", 0.01], ["AUD", "$", "Australian dollar", 0.01], ["CHF", "CHF", "Swiss franc", 0.01],
  ["JPY", "¥", "Japanese yen", 1], ["MXN", "$", "Mexican peso", 0.01],
];

export function emptyData(): SimData {
  return { tables: new Map(), nextIds: new Map(), sequences: new Map() };
}

export function envFor(sim: SimState, context: Record<string, unknown> = {}): Env {
  return { data: sim.data, registry: sim.registry, uid: sim.uid, context, today: sim.today };
}

/** Base data every database has: currencies, the company and the "Units" unit of measure. */
function loadBaseData(sim: SimState): void {
  const env = envFor(sim);
  const { companyCurrency, activeCurrencies } = sim.baseline;
  const known = CURRENCIES.map(([code]) => code);
  for (const code of [companyCurrency, ...activeCurrencies])
    if (!known.includes(code)) throw new Error(`odoo-sim knows no currency ${code} (${known.join(", ")})`);
  const ids = createRecords(env, "res.currency", CURRENCIES.map(([name, symbol, full_name, rounding]) => ({
    name, symbol, full_name, rounding, active: name === companyCurrency || activeCurrencies.includes(name),
  })));
  createRecords(env, "res.company", [{ name: "My Company", currency_id: ids[known.indexOf(companyCurrency)] }]);
  createRecords(env, "uom.uom", [{ name: "Units" }]);
}

export function createSimState(opts: {
  apiKey: string;
  database: string;
  login: string;
  today?: string;
  companyCurrency?: string;
  activeCurrencies?: string[];
}): SimState {
  const sim: SimState = {
    apiKey: opts.apiKey,
    database: opts.database,
    login: opts.login,
    uid: 2,
    registry: buildRegistry(),
    baseline: { companyCurrency: opts.companyCurrency ?? "USD", activeCurrencies: opts.activeCurrencies ?? [] },
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
