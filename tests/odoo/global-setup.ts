import { fileURLToPath } from "node:url";
import type { TestProject } from "vitest/node";
import { type OdooPeer, type OdooPeerOptions, startOdooPeer } from "../support/odoo-peer";
import { ensureOdooPython, ODOO19_DIR, odooTreeAvailability } from "../support/odoo-prerequisites";

export const STANDIN_ADDON = fileURLToPath(new URL("../../odoo-addons/nexa_subscription_standin", import.meta.url));

/** What the suite's files see of a real peer (everything but `stop`). */
export type SharedOdooPeer = Omit<OdooPeer, "stop">;

declare module "vitest" {
  export interface ProvidedContext {
    /** The real servers of this run by name (empty when they cannot run here, outside CI only). */
    odooPeers: Record<string, SharedOdooPeer>;
    odooPeerSkipReason: string;
  }
}

/**
 * The real Odoo 19 servers the `odoo` project shares, one database each, started side by
 * side: `community` is plain Community (sale_management + account), the Odoo the
 * contract suite holds the simulator to. A peer with repo addons is one more entry here,
 * e.g. `{ name: "standin", options: { addons: [<absolute path of odoo-addons/<addon>>] } }`.
 */
export const REAL_PEERS: Array<{ name: string; options: OdooPeerOptions }> = [
  { name: "community", options: {} },
  // Community with the repo's test-only stand-in for Enterprise sale_subscription.
  { name: "standin", options: { addons: [STANDIN_ADDON] } },
];

function skipLoudly(reason: string): void {
  const bar = "!".repeat(78);
  console.warn(`\n${bar}\n!! REAL ODOO PEER SKIPPED: ${reason}\n!! Only the simulator half of the odoo suite ran. In CI (CI=true) this fails the run.\n${bar}\n`);
}

/**
 * Without ../shared/odoo19 (or Odoo's Python packages, when they cannot be installed)
 * the real-peer tests are skipped with a loud notice, except in CI where that fails the run.
 */
export default async function setup(project: TestProject) {
  const tree = odooTreeAvailability();
  const python = tree.ok ? ensureOdooPython() : tree;
  if (!python.ok) {
    if (process.env.CI === "true") throw new Error(`The odoo suite needs the real Odoo 19 peer in CI: ${python.reason}`);
    skipLoudly(python.reason);
    project.provide("odooPeers", {});
    project.provide("odooPeerSkipReason", python.reason);
    return;
  }
  const started = Date.now();
  const results = await Promise.allSettled(REAL_PEERS.map((peer) => startOdooPeer(peer.options)));
  const running = results.flatMap((result) => (result.status === "fulfilled" ? [result.value] : []));
  const failure = results.find((result) => result.status === "rejected");
  if (failure) {
    await Promise.all(running.map((peer) => peer.stop()));
    throw failure.reason;
  }
  const shared: Record<string, SharedOdooPeer> = {};
  REAL_PEERS.forEach(({ name }, i) => {
    const { stop: _stop, ...peer } = running[i]!;
    shared[name] = peer;
    console.log(`odoo peer "${name}": Odoo 19 from ${ODOO19_DIR} at ${peer.url} (database ${peer.database})`);
  });
  console.log(`odoo peers up in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  project.provide("odooPeers", shared);
  project.provide("odooPeerSkipReason", "");
  return async () => {
    await Promise.all(running.map((peer) => peer.stop()));
  };
}
