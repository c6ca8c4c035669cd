/**
 * CLI: `npx tsx odoo-sim/main.ts --port 8069 --api-key <key> [--admin-api-key <key>]
 *       [--database odoo] [--login admin] [--host 127.0.0.1] [--today YYYY-MM-DD]
 *       [--company-currency USD] [--active-currency CAD ...] [--seed]`
 */
import { parseArgs } from "node:util";
import { startOdooSimulator } from "./server";

const { values } = parseArgs({
  options: {
    port: { type: "string", default: "8069" },
    host: { type: "string", default: "127.0.0.1" },
    "api-key": { type: "string" },
    "admin-api-key": { type: "string" },
    "company-currency": { type: "string" },
    "active-currency": { type: "string", multiple: true, default: [] },
    database: { type: "string", default: "odoo" },
    login: { type: "string", default: "admin" },
    today: { type: "string" },
    seed: { type: "boolean", default: false },
  },
});

const apiKey = values["api-key"];
if (!apiKey) {
  console.error("usage: tsx odoo-sim/main.ts --port 8069 --api-key <key> [--database odoo] [--seed]");
  process.exit(2);
}

const sim = await startOdooSimulator({
  port: Number(values.port),
  host: values.host,
  apiKey,
  adminApiKey: values["admin-api-key"],
  companyCurrency: values["company-currency"],
  activeCurrencies: values["active-currency"],
  database: values.database,
  login: values.login,
  today: values.today,
});
if (values.seed) console.log(`seeded: ${JSON.stringify(sim.seed())}`);
console.log(`odoo-sim listening on ${sim.url} (database "${sim.database}", login "${sim.login}", uid ${sim.uid})`);

const stop = () => {
  void sim.close().then(() => process.exit(0));
};
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
