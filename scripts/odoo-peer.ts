/*
 * `npm run odoo:peer`: a throwaway real Odoo 19 Community server (../shared/odoo19) with a
 * fresh database, for trying the hub against it by hand. Prints its settings; Ctrl-C
 * stops it and drops the database. `-- --addon <dir>` installs a repo addon too.
 */
import { parseArgs } from "node:util";
import { startOdooPeer } from "../tests/support/odoo-peer";
import { ensureOdooPython, odooTreeAvailability } from "../tests/support/odoo-prerequisites";

const { values } = parseArgs({ options: { addon: { type: "string", multiple: true, default: [] }, json: { type: "string" } } });
for (const check of [odooTreeAvailability(), ensureOdooPython()]) {
  if (!check.ok) {
    console.error(check.reason);
    process.exit(1);
  }
}
const peer = await startOdooPeer({ addons: values.addon });
console.log(`ODOO_URL=${peer.url}\nODOO_DATABASE=${peer.database}\nODOO_API_KEY=${peer.bot.apiKey}   # the hub's bot user (${peer.bot.login})\nODOO_ADMIN_API_KEY=${peer.apiKey}   # admin, for setup by hand`);
if (values.json) (await import("node:fs")).writeFileSync(values.json, JSON.stringify(peer));
const stop = async () => {
  await peer.stop();
  process.exit(0);
};
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
setInterval(() => undefined, 1 << 30);
