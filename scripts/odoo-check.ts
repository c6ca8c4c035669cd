import { parseArgs } from "node:util";
import { createDb } from "~/server/db/client";
import { env } from "~/server/env";
import { createOdooClient } from "~/server/odoo";
import { checkOdooReadiness } from "~/server/odoo-check/check-odoo-readiness";
import { formatReadinessReport } from "~/server/odoo-check/format-readiness-report";

/*
 * npm run odoo:check [-- --url URL --database DB --api-key KEY --protocol json2|jsonrpc --login LOGIN
 *                        --public-url URL --webhook-secret SECRET --json]
 * Is a live Odoo ready for the hub? Read-only: it never writes to Odoo or the hub's
 * database. Flags override ODOO_URL, ODOO_DATABASE, ODOO_API_KEY, ODOO_PROTOCOL,
 * ODOO_LOGIN, PUBLIC_URL and ODOO_WEBHOOK_SECRET; the hub's mappings come from DATABASE_URL.
 * Exits 1 when an item fails, 2 on bad usage.
 */
const { values } = parseArgs({
  options: {
    url: { type: "string" }, database: { type: "string" }, "api-key": { type: "string" }, protocol: { type: "string" }, login: { type: "string" },
    "public-url": { type: "string" }, "webhook-secret": { type: "string" }, json: { type: "boolean", default: false },
  },
});
const settings = env();
const url = values.url ?? settings.ODOO_URL;
const apiKey = values["api-key"] ?? settings.ODOO_API_KEY;
const protocol = values.protocol ?? settings.ODOO_PROTOCOL;
if (!url || !apiKey || (protocol !== "json2" && protocol !== "jsonrpc")) {
  console.error("usage: npm run odoo:check -- --url https://odoo.example.com --database DB --api-key KEY (or set ODOO_URL, ODOO_DATABASE, ODOO_API_KEY)");
  process.exit(2);
}
const database = values.database ?? settings.ODOO_DATABASE ?? null;
const odoo = createOdooClient({ baseUrl: url, apiKey, database: database ?? undefined, protocol, login: values.login ?? settings.ODOO_LOGIN, timeoutMs: settings.ODOO_TIMEOUT_MS });
const { db, close } = await createDb(settings.DATABASE_URL, { poolSize: 2 });
try {
  const report = await checkOdooReadiness({
    db, odoo, url, database,
    webhook: { publicUrl: values["public-url"] ?? settings.PUBLIC_URL ?? null, secret: values["webhook-secret"] ?? settings.ODOO_WEBHOOK_SECRET ?? null },
  });
  console.log(values.json ? JSON.stringify(report, null, 2) : formatReadinessReport(report));
  process.exitCode = report.ready ? 0 : 1;
} finally {
  await close();
}
