import type { Prisma } from "~/generated/prisma/client";
import type { AuditEntry } from "~/server/audit/record-audit";
import type { DbOrTx } from "~/server/db/client";
import { AppError } from "~/server/errors";

/**
 * Who changes the catalog. A console user (the `catalog` area: finance, admin) may change
 * any entry; a service key only entries it owns: shared ones (owner null) are the console's,
 * and other services' entries do not exist for it (404, as Lago answers for another
 * organization's). Absent = a trusted script (demo seed, bench, CLI): not audited.
 */
export type CatalogWriter = { kind: "user"; userId: string } | { kind: "service"; serviceId: string };

/** The service a key reads the catalog as; undefined = the console (sees everything). */
export const readerOf = (writer: CatalogWriter | undefined) => (writer?.kind === "service" ? writer.serviceId : undefined);

/** Entries a service key can see: its own and the shared ones. */
export function visibleTo(serviceId: string | undefined): { OR?: Array<{ ownerServiceId: string | null }> } {
  return serviceId ? { OR: [{ ownerServiceId: null }, { ownerServiceId: serviceId }] } : {};
}

export const auditActorOf = (writer: CatalogWriter | undefined): Pick<AuditEntry, "actorId" | "actorServiceId"> =>
  writer?.kind === "user" ? { actorId: writer.userId } : writer?.kind === "service" ? { actorServiceId: writer.serviceId } : {};

/**
 * The owner of a new entry: a key's own service, always; a console user's choice (the Lago
 * import creates entries owned by the imported service), else shared.
 */
export const ownerForCreate = (writer: CatalogWriter | undefined, ownerServiceId: string | null | undefined) =>
  writer?.kind === "service" ? writer.serviceId : (ownerServiceId ?? null);

/**
 * Refuses a service key's change to an entry it does not own, or to one whose plans bill
 * other services' subscriptions (changing it would reprice them). `subscriptions` selects
 * the subscriptions the entry prices.
 */
export async function assertServiceMayChange(
  db: DbOrTx,
  writer: CatalogWriter | undefined,
  entry: { ownerServiceId: string | null },
  subscriptions: Prisma.SubscriptionWhereInput,
): Promise<void> {
  if (writer?.kind !== "service") return;
  if (entry.ownerServiceId !== writer.serviceId) throw new AppError("forbidden", "catalog_entry_is_shared");
  const others = await db.subscription.count({ where: { AND: [subscriptions, { serviceId: { not: writer.serviceId } }] } });
  if (others > 0) throw new AppError("forbidden", "attached_to_other_services_subscriptions");
}
