import { afterAll, beforeAll, describe, inject } from "vitest";
import { type OdooDay, type OdooSimulator, type SubscriptionCron, startOdooSimulator } from "~/odoo-sim";
import { createOdooClient, type OdooClient, type OdooProtocol } from "~/server/odoo";

/*
 * The peers a contract conversation runs against: the in-repo simulator and the real
 * Odoo 19 servers of this run (tests/odoo/global-setup.ts): plain Community, and Community
 * with the repo's sale_subscription stand-in (odoo-addons/nexa_subscription_standin). A
 * conversation is written once and must get the same observable answers from each; where
 * the simulator and Community differ the simulator is wrong.
 */

export interface Answer {
  status: number;
  headers: Headers;
  /** The parsed body, or undefined when it is not JSON (415/404 HTML pages). */
  json: any;
  text: string;
}

export interface Credentials {
  login: string;
  apiKey: string;
}

export interface ContractPeer {
  name: "simulator" | "odoo19-community" | "odoo19-standin";
  url: string;
  database: string;
  /** The hub's key: a bot user with only the groups the hub needs. */
  hub: Credentials & { uid: number };
  /** An administrator's key, for setting data up as an Odoo admin would. */
  admin: Credentials;
  /** sale_subscription (Enterprise) is installed: plan_id, subscription_state, the recurring cron. */
  subscriptions: boolean;
  /** Raw JSON-2 call; `as` picks the key (default: the hub's). */
  json2(model: string, method: string, body?: unknown, init?: RawInit): Promise<Answer>;
  /** Raw legacy JSON-RPC call to /jsonrpc. */
  jsonrpc(service: string, method: string, args: unknown[]): Promise<Answer>;
  /** The hub's own Odoo client, as the app builds it. */
  client(options?: { protocol?: OdooProtocol; as?: "hub" | "admin"; apiKey?: string; maxRetries?: number }): OdooClient;
  /** The simulator itself (its clock, fault switches); null on a real server. */
  simulator: OdooSimulator | null;
  /** Runs sale_subscription's crons for each day from `today` through `until` (peers with subscriptions only). */
  runSubscriptionCrons(today: string, options?: { until?: string; crons?: SubscriptionCron[] }): Promise<OdooDay[]>;
}

export interface RawInit {
  as?: "hub" | "admin" | "nobody";
  apiKey?: string;
  httpMethod?: string;
  headers?: Record<string, string>;
  /** Sent verbatim instead of JSON.stringify(body). */
  rawBody?: string;
  path?: string;
}

export async function readAnswer(response: Response): Promise<Answer> {
  const text = await response.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: response.status, headers: response.headers, json, text };
}

function makePeer(base: Omit<ContractPeer, "json2" | "jsonrpc" | "client" | "runSubscriptionCrons">): ContractPeer {
  const key = (as: RawInit["as"] = "hub") => (as === "admin" ? base.admin.apiKey : as === "nobody" ? null : base.hub.apiKey);
  return {
    ...base,
    async json2(model, method, body = {}, init = {}) {
      const apiKey = init.apiKey ?? key(init.as);
      const headers: Record<string, string> = { "Content-Type": "application/json", "X-Odoo-Database": base.database, ...init.headers };
      if (apiKey) headers.Authorization = `bearer ${apiKey}`;
      for (const [name, value] of Object.entries(headers)) if (value === "") delete headers[name];
      const httpMethod = init.httpMethod ?? "POST";
      const response = await fetch(`${base.url}${init.path ?? `/json/2/${model}/${method}`}`, {
        method: httpMethod,
        headers,
        body: httpMethod === "GET" ? undefined : (init.rawBody ?? JSON.stringify(body)),
      });
      return readAnswer(response);
    },
    async jsonrpc(service, method, args) {
      const response = await fetch(`${base.url}/jsonrpc`, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ jsonrpc: "2.0", method: "call", params: { service, method, args }, id: 1 }),
      });
      return readAnswer(response);
    },
    async runSubscriptionCrons(today, options = {}) {
      if (!base.subscriptions) throw new Error(`${base.name} has no sale_subscription crons`);
      if (base.simulator) return base.simulator.runCrons(today, options);
      // The stand-in addon's test hook, for administrators (odoo-addons/nexa_subscription_standin/models/crons.py).
      const answer = await this.json2("sale.order", "nexa_standin_run_crons", { today, until: options.until, crons: options.crons }, { as: "admin" });
      if (answer.status !== 200) throw new Error(`nexa_standin_run_crons: ${answer.status} ${answer.json?.message ?? answer.text}`);
      return answer.json as OdooDay[];
    },
    client(options = {}) {
      const who = options.as === "admin" ? base.admin : base.hub;
      return createOdooClient({
        baseUrl: base.url, apiKey: options.apiKey ?? who.apiKey, database: base.database, protocol: options.protocol ?? "json2", login: who.login,
        maxRetries: options.maxRetries ?? 0,
      });
    },
  };
}

interface PeerDescriptor {
  name: ContractPeer["name"];
  subscriptions: boolean;
  /** Why this peer cannot run here (the suite's global setup said so loudly). */
  unavailable: string | null;
  start(): Promise<{ peer: ContractPeer; stop: () => Promise<void> }>;
}

const SIM_HUB_KEY = "contract-hub-key";
const SIM_ADMIN_KEY = "contract-admin-key";

const simulatorPeer: PeerDescriptor = {
  name: "simulator",
  subscriptions: true,
  unavailable: null,
  async start() {
    const sim = await startOdooSimulator({ apiKey: SIM_HUB_KEY, adminApiKey: SIM_ADMIN_KEY, database: "contract" });
    const peer = makePeer({
      name: "simulator", url: sim.url, database: sim.database, subscriptions: true, simulator: sim,
      hub: { login: sim.login, apiKey: SIM_HUB_KEY, uid: sim.uid },
      admin: { login: "admin", apiKey: SIM_ADMIN_KEY },
    });
    return { peer, stop: () => sim.close() };
  },
};

/** A real server of this run (tests/odoo/global-setup.ts REAL_PEERS), by its name there. */
function realPeer(shared: string, name: ContractPeer["name"], subscriptions: boolean): PeerDescriptor {
  const started = inject("odooPeers")[shared];
  return {
    name,
    subscriptions,
    unavailable: started ? null : inject("odooPeerSkipReason") || "not started",
    async start() {
      const peer = makePeer({
        name, url: started!.url, database: started!.database, subscriptions, simulator: null,
        hub: { login: started!.bot.login, apiKey: started!.bot.apiKey, uid: started!.bot.uid },
        admin: { login: started!.adminLogin, apiKey: started!.apiKey },
      });
      return { peer, stop: async () => undefined };
    },
  };
}

/**
 * Runs the same conversations against every peer: `describe("<title> [<peer>]")` with the
 * peer started once for the block. `needs: "subscriptions"` runs Enterprise-only
 * conversations on the peers that model sale_subscription only (not on Community).
 */
export function describeEachPeer(title: string, body: (peer: () => ContractPeer) => void, options: { needs?: "subscriptions" } = {}): void {
  const peers = [simulatorPeer, realPeer("community", "odoo19-community", false), realPeer("standin", "odoo19-standin", true)]
    .filter((d) => options.needs !== "subscriptions" || d.subscriptions);
  for (const descriptor of peers) {
    if (descriptor.unavailable) {
      describe.skip(`${title} [${descriptor.name}: skipped, ${descriptor.unavailable}]`, () => body(() => undefined as never));
      continue;
    }
    describe(`${title} [${descriptor.name}]`, () => {
      let started: { peer: ContractPeer; stop: () => Promise<void> } | undefined;
      beforeAll(async () => {
        started = await descriptor.start();
      });
      afterAll(() => started?.stop());
      body(() => started!.peer);
    });
  }
}

/** A value unique to this run, for refs and codes that must not collide with other tests. */
export const unique = (prefix: string) => `${prefix}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
