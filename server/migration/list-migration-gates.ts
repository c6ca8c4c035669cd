import type { DbOrTx } from "~/server/db/client";
import { getMigrationGate } from "./get-migration-gate";

/**
 * What the console's migration page shows: every service still billed by Lago (shadow)
 * with its migration gate, and every service cut over to Odoo (live, with its cutover),
 * which may still be rolled back until Odoo's first invoice.
 */
export async function listMigrationGates(options: { db: DbOrTx; now?: Date }) {
  const services = await options.db.service.findMany({
    where: { OR: [{ billingMode: "shadow" }, { billingMode: "live", cutoverAt: { not: null } }] },
    select: { code: true },
    orderBy: [{ billingMode: "desc" }, { code: "asc" }],
  });
  return Promise.all(services.map((service) => getMigrationGate({ db: options.db, serviceCode: service.code, now: options.now })));
}
