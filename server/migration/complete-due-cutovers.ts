import { recordAudit } from "~/server/audit/record-audit";
import type { Db } from "~/server/db/client";
import { setBillingMode } from "~/server/services/set-billing-mode";

/**
 * Turns live every shadow service whose scheduled cutover has come: from then on the
 * planner gives Odoo its orders (starting at the cutover, see ensureOdooSubscription),
 * Odoo's lifecycle webhooks reach its app, and no write is forwarded to Lago any more.
 * Lago has ended the subscriptions on its own at the boundary (scheduleCutover set their
 * ending_at). Run by the `migration-cutover` schedule; running it twice changes nothing.
 * Audited as the service's own act: it was scheduled, and audited, by a person.
 */
export async function completeDueCutovers(options: { db: Db; now?: Date }): Promise<{ servicesCutOver: string[] }> {
  const now = options.now ?? new Date();
  const due = await options.db.service.findMany({ where: { billingMode: "shadow", cutoverAt: { lte: now } }, select: { id: true, code: true, cutoverAt: true }, orderBy: { code: "asc" } });
  for (const service of due) {
    await options.db.$transaction(async (tx) => {
      await setBillingMode({ db: tx, serviceId: service.id, mode: "live" });
      await recordAudit(tx, {
        actorServiceId: service.id, action: "service.cutover", entityType: "service", entityId: service.id,
        before: { billingMode: "shadow" }, after: { billingMode: "live", cutoverAt: service.cutoverAt!.toISOString(), reason: "the scheduled cutover came: Odoo bills from it" },
      });
    });
  }
  return { servicesCutOver: due.map((service) => service.code) };
}
