/** The simulator's mutable state: data, clock, credentials, faults and a request log. */
import { todayUtc } from "./dates";
import type { Fault } from "./faults";
import { SHIPPED_PAYMENT_TERMS } from "./models/payment-term";
import { buildRegistry } from "./models/registry";
import { CLOSE_REASONS } from "./models/subscription-lifecycle";
import { ADMIN_GROUP_NAMES, HUB_BOT_GROUP_NAMES, SIM_MODULES } from "./models/users";
import { createRecords, writeRecords } from "./orm";
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
  /** A key for an unrestricted administrator, when the simulator was given one. */
  readonly adminApiKey: string | null;
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
  accessOverrides: Map<string, boolean>;
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

/** Countries (and the states the hub's customers use) of base/data/res_country_data.xml and res.country.state.csv. */
const COUNTRIES: Array<[code: string, name: string, states: Array<[code: string, name: string]>]> = [
  ["CA", "Canada", [
    ["AB", "Alberta"], ["BC", "British Columbia"], ["MB", "Manitoba"], ["NB", "New Brunswick"], ["NL", "Newfoundland and Labrador"],
    ["NS", "Nova Scotia"], ["NT", "Northwest Territories"], ["NU", "Nunavut"], ["ON", "Ontario"], ["PE", "Prince Edward Island"],
    ["QC", "Quebec"], ["SK", "Saskatchewan"], ["YT", "Yukon"],
  ]],
  ["US", "United States", [["CA", "California"], ["NY", "New York"], ["TX", "Texas"], ["WA", "Washington"]]],
  ["GB", "United Kingdom", []], ["FR", "France", []], ["DE", "Germany", []], ["AU", "Australia", []], ["CH", "Switzerland", []],
  ["JP", "Japan", []], ["MX", "Mexico", [["JAL", "Jalisco"]]], ["IE", "Ireland", []],
];

export function emptyData(): SimData {
  return { tables: new Map(), nextIds: new Map(), sequences: new Map() };
}

/** An environment for the simulator's own work (no access checks) or, `restricted`, for an API call by the hub's key. */
/** The administrator behind `adminApiKey` (and the simulator's own work); the hub's bot is `sim.uid`. */
export const ADMIN_UID = 1;
export const ADMIN_LOGIN = "administrator";

/** An environment for the simulator's own work (no access checks) or, `restricted`, for an API call by the hub's key. */
export function envFor(sim: SimState, context: Record<string, unknown> = {}, restricted = false): Env {
  return {
    data: sim.data, registry: sim.registry, uid: restricted ? sim.uid : ADMIN_UID, context, today: sim.today, restricted,
    accessOverrides: sim.accessOverrides,
  };
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
  const [company] = createRecords(env, "res.company", [{ name: "My Company", currency_id: ids[known.indexOf(companyCurrency)] }]);
  const [saleTax] = createRecords(env, "account.tax", [
    { name: "15%", amount: 15, type_tax_use: "sale" }, { name: "15%", amount: 15, type_tax_use: "purchase" },
    { name: "0% Exports", amount: 0, type_tax_use: "sale" }, { name: "0% Imports", amount: 0, type_tax_use: "purchase" },
  ]);
  writeRecords(env, "res.company", [company!], { account_sale_tax_id: saleTax });
  createRecords(env, "uom.uom", [{ name: "Units" }]);
  createRecords(env, "account.payment.term", SHIPPED_PAYMENT_TERMS.map(({ lines, ...term }) => ({ ...term, line_ids: lines.map((line) => [0, 0, { value: "percent", ...line }]) })));
  for (const [code, name, states] of COUNTRIES) {
    const [countryId] = createRecords(env, "res.country", [{ code, name }]);
    createRecords(env, "res.country.state", states.map(([stateCode, stateName]) => ({ country_id: countryId, code: stateCode, name: stateName })));
  }
  createRecords(env, "sale.order.close.reason", Object.values(CLOSE_REASONS).map((name) => ({ name })));
  createRecords(env, "ir.module.module", SIM_MODULES.map((name) => ({ name, state: "installed", latest_version: "19.0.1.0" })));
  const groups = createRecords(env, "res.groups", [...HUB_BOT_GROUP_NAMES, ...ADMIN_GROUP_NAMES].map((name) => ({ name, full_name: name })));
  const botGroups = groups.slice(0, HUB_BOT_GROUP_NAMES.length);
  createRecords(env, "res.users", [
    { name: "Administrator", login: ADMIN_LOGIN, group_ids: groups },
    { name: "Nexa Billing Hub", login: sim.login, group_ids: botGroups },
  ]);
}

export function createSimState(opts: {
  apiKey: string;
  adminApiKey?: string;
  database: string;
  login: string;
  today?: string;
  companyCurrency?: string;
  activeCurrencies?: string[];
}): SimState {
  const sim: SimState = {
    apiKey: opts.apiKey,
    adminApiKey: opts.adminApiKey ?? null,
    database: opts.database,
    login: opts.login,
    uid: 2,
    registry: buildRegistry(),
    baseline: { companyCurrency: opts.companyCurrency ?? "USD", activeCurrencies: opts.activeCurrencies ?? [] },
    data: emptyData(),
    today: opts.today ?? todayUtc(),
    fault: null,
    requests: [],
    accessOverrides: new Map(),
  };
  loadBaseData(sim);
  return sim;
}

export function resetSimState(sim: SimState, today?: string): void {
  sim.data = emptyData();
  sim.fault = null;
  sim.requests = [];
  sim.accessOverrides.clear();
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
