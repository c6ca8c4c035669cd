import type { DbOrTx } from "~/server/db/client";
import { getMigrationGate } from "./get-migration-gate";

/** Every service still billed by Lago (shadow), with its migration gate: what the console's migration page shows. */
export async function listMigrationGates(options: { db: DbOrTx; now?: Date }) {
  const services = await options.db.service.findMany({ where: { billingMode: "shadow" }, select: { code: true }, orderBy: { code: "asc" } });
  return Promise.all(services.map((service) => getMigrationGate({ db: options.db, serviceCode: service.code, now: options.now })));
}
