import { afterAll, beforeAll, describe, inject } from "vitest";
import { type OdooSimulator, startOdooSimulator } from "~/odoo-sim";
import { createOdooClient, type OdooClient, type OdooProtocol } from "~/server/odoo";

/*
 * The peers a contract conversation runs against: the in-repo simulator and the real
 * Odoo 19 Community server of this run (tests/odoo/global-setup.ts). A conversation is
 * written once and must get the same observable answers from each; where they differ
 * the simulator is wrong.
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
  name: "simulator" | "odoo19-community";
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

function makePeer(base: Omit<ContractPeer, "json2" | "jsonrpc" | "client">): ContractPeer {
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

function communityPeer(): PeerDescriptor {
  const shared = inject("odooPeers").community;
  return {
    name: "odoo19-community",
    subscriptions: false,
    unavailable: shared ? null : inject("odooPeerSkipReason") || "not started",
    async start() {
      const peer = makePeer({
        name: "odoo19-community", url: shared!.url, database: shared!.database, subscriptions: false, simulator: null,
        hub: { login: shared!.bot.login, apiKey: shared!.bot.apiKey, uid: shared!.bot.uid },
        admin: { login: shared!.adminLogin, apiKey: shared!.apiKey },
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
  const peers = [simulatorPeer, communityPeer()].filter((d) => options.needs !== "subscriptions" || d.subscriptions);
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
