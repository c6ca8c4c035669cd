/** The simulator's HTTP server (node:http): routes, transport faults, request log. */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { Operation } from "./access";
import { handleAdmin } from "./admin";
import { type FaultInput, proxyHtml, takeFault, toFault } from "./faults";
import { type InvoicedOrder, runRecurringInvoicing } from "./recurring-invoice";
import { type OdooDay, runOdooDays, type SubscriptionCron } from "./subscription-crons";
import { handleJson2, json2Route } from "./json2";
import { handleJsonRpc, jsonRpcTarget } from "./jsonrpc";
import { htmlReply, type Reply } from "./reply";
import { type SeedResult, seedDemo } from "./seed";
import { createSimState, envFor, logRequest, type RequestLogEntry, resetSimState, type SimState } from "./state";

export interface OdooSimulatorOptions {
  /** The hub's key: a bot user with the access rights of odoo-sim/access.ts. */
  apiKey: string;
  /** A key without access restrictions, for test setup as an Odoo administrator. */
  adminApiKey?: string;
  port?: number;
  host?: string;
  database?: string;
  /** Login of the API key's user, for common.authenticate (default "admin"). */
  login?: string;
  /** Initial clock, "YYYY-MM-DD" (default: today, UTC). */
  today?: string;
  /** The company's currency (default USD, as a fresh database). */
  companyCurrency?: string;
  /** Currencies activated besides the company's (a fresh database has none). */
  activeCurrencies?: string[];
}

export interface OdooSimulator {
  url: string;
  port: number;
  database: string;
  apiKey: string;
  login: string;
  uid: number;
  /** Live state (tables, clock, fault, request log); mutate with care. */
  state: SimState;
  requests(): RequestLogEntry[];
  reset(today?: string): void;
  seed(opts?: { startDate?: string }): SeedResult;
  setFault(fault: FaultInput): void;
  /** Refuses (false) or grants the hub's key one operation on a model, as its groups would. */
  setAccess(model: string, operation: Operation, allowed: boolean): void;
  /** sale_subscription's recurring invoice cron for one day. */
  runInvoicing(today: string): InvoicedOrder[];
  /** sale_subscription's crons (expiration, invoicing, reminders) for each day from `today` through `until`. */
  runCrons(today: string, options?: { until?: string; crons?: SubscriptionCron[] }): OdooDay[];
  close(): Promise<void>;
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

function send(res: ServerResponse, reply: Reply): void {
  if (res.destroyed || res.writableEnded) return;
  res.writeHead(reply.status, { ...reply.headers, "Content-Length": Buffer.byteLength(reply.body) });
  res.end(reply.body);
}

export async function startOdooSimulator(opts: OdooSimulatorOptions): Promise<OdooSimulator> {
  const sim = createSimState({
    apiKey: opts.apiKey,
    adminApiKey: opts.adminApiKey,
    database: opts.database ?? "odoo",
    login: opts.login ?? "admin",
    today: opts.today,
    companyCurrency: opts.companyCurrency,
    activeCurrencies: opts.activeCurrencies,
  });
  const timers = new Set<NodeJS.Timeout>();
  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const t = setTimeout(() => {
        timers.delete(t);
        resolve();
      }, ms);
      timers.add(t);
    });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = new URL(req.url ?? "/", "http://sim").pathname;
    const body = await readBody(req);
    const httpMethod = req.method ?? "GET";
    if (path.startsWith("/__sim/")) return send(res, handleAdmin(sim, httpMethod, path, body));

    const j2 = json2Route(httpMethod, path);
    const protocol = j2 ? "json2" : path === "/jsonrpc" ? "jsonrpc" : "other";
    if (protocol === "other") {
      logRequest(sim, { protocol, status: 404 });
      return send(res, htmlReply(404, "<!doctype html>\n<title>404 Not Found</title>\n<h1>Not Found</h1>\n"));
    }
    const target = j2?.kind === "rpc" ? { model: j2.model, method: j2.method } : j2 ? {} : jsonRpcTarget(body);

    const fault = takeFault(sim, "transport", target);
    if (fault?.mode === "down") {
      logRequest(sim, { protocol, ...target, status: 0, fault: fault.mode });
      req.socket.destroy();
      return;
    }
    if (fault?.mode === "unavailable" || fault?.mode === "rate_limit") {
      const status = fault.mode === "unavailable" ? 503 : 429;
      logRequest(sim, { protocol, ...target, status, fault: fault.mode });
      const headers: Record<string, string> = fault.mode === "rate_limit" ? { "Retry-After": String(fault.retryAfterSeconds) } : {};
      return send(res, htmlReply(status, proxyHtml(status, status === 429 ? "Too Many Requests" : "Service Temporarily Unavailable"), headers));
    }
    if (fault?.mode === "slow") await sleep(fault.delayMs);

    const { reply, error } = j2 ? handleJson2(sim, { headers: req.headers, body }, j2) : handleJsonRpc(sim, body);
    if (fault?.mode === "lost_response") {
      logRequest(sim, { protocol, ...target, status: 0, error, fault: fault.mode });
      req.socket.destroy();
      return;
    }
    logRequest(sim, { protocol, ...target, status: reply.status, error, fault: fault?.mode });
    send(res, reply);
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      send(res, { status: 500, headers: { "Content-Type": "text/plain" }, body: `odoo-sim internal error: ${String(err)}` });
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(opts.port ?? 0, opts.host ?? "127.0.0.1", () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const host = opts.host ?? "127.0.0.1";

  return {
    url: `http://${host.includes(":") ? `[${host}]` : host}:${port}`,
    port,
    database: sim.database,
    apiKey: sim.apiKey,
    login: sim.login,
    uid: sim.uid,
    state: sim,
    requests: () => sim.requests,
    reset: (today) => resetSimState(sim, today),
    seed: (o) => seedDemo(sim, o),
    setFault: (f) => {
      sim.fault = toFault(f);
    },
    setAccess: (model, operation, allowed) => {
      sim.accessOverrides.set(`${model}:${operation}`, allowed);
    },
    runInvoicing: (today) => {
      sim.today = today;
      return runRecurringInvoicing(envFor(sim), today);
    },
    runCrons: (today, options = {}) => {
      const days = runOdooDays(envFor(sim), today, options.until, options.crons);
      sim.today = options.until ?? today;
      return days;
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        for (const t of timers) clearTimeout(t);
        timers.clear();
        server.close((err) => (err ? reject(err) : resolve()));
        server.closeAllConnections();
      }),
  };
}
