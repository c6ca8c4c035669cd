import type { DbOrTx } from "~/server/db/client";
import type { OdooClient } from "~/server/odoo";
import { assessReadiness, type ReadinessReport } from "./assess-readiness";
import { gatherReadinessFacts } from "./gather-readiness-facts";
import type { OdooFacts } from "./readiness-facts";

/**
 * Is this Odoo instance ready for the hub? Reads it (never writes) with the hub's own key
 * and judges each thing the hub relies on. Used by `npm run odoo:check` and the console.
 */
export async function checkOdooReadiness(options: {
  db: DbOrTx;
  odoo: OdooClient;
  url: string;
  database: string | null;
  webhook: OdooFacts["webhook"];
}): Promise<ReadinessReport> {
  return assessReadiness(await gatherReadinessFacts(options));
}
