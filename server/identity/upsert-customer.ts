import type { AccountLink } from "~/generated/prisma/client";
import { type AuditActor, recordAudit } from "~/server/audit/record-audit";
import type { Db, DbOrTx } from "~/server/db/client";
import { recordHubEvent } from "~/server/db/record-hub-event";
import { isUniqueViolation } from "~/server/db/unique-violation";
import { enqueueLagoForward } from "~/server/lago-forward/enqueue-lago-forward";
import type { CustomerFields } from "./customer-fields";

/**
 * Lago's POST /customers: an upsert by external id where only the keys present are
 * written. A new app account gets its own billing customer, which staff can later
 * fold into another customer's. A deleted account is revived rather than duplicated,
 * because its past subscriptions and usage still reference it.
 *
 * `announce` records Lago's customer.created for the app (POST /customers does; a
 * customer created on the fly by a subscription, an import or the demo seed does not,
 * as in Lago), in the same transaction as the account. `actor` is audited for the write
 * (the service, for an API call).
 */
export async function upsertCustomer(options: {
  db: Db;
  serviceId: string;
  externalId: string;
  fields: CustomerFields;
  announce?: boolean;
  now?: Date;
  actor?: AuditActor;
  /** The app's request body, forwarded to Lago while the service is shadow (API writes only). */
  forwardBody?: unknown;
}): Promise<{ customer: AccountLink; created: boolean }> {
  const { db, serviceId, externalId, fields } = options;
  const where = { serviceId_externalId: { serviceId, externalId } };
  const announceCreated = async (tx: DbOrTx, customer: AccountLink) => {
    if (options.announce) await recordHubEvent(tx, { kind: "customer.created", serviceId, subjectId: customer.id, occurredAt: options.now ?? new Date() });
  };
  const audit = async (tx: DbOrTx, action: string, before: AccountLink | null, after: AccountLink) => {
    await recordAudit(tx, { ...options.actor, action, entityType: "account_link", entityId: after.id, before, after });
    // Every committed upsert reaches Lago, as Lago's own POST /customers would have been called.
    if (options.forwardBody !== undefined) await enqueueLagoForward(tx, { serviceId, customerKey: after.id, method: "POST", path: "/customers", body: options.forwardBody });
  };
  const existing = await db.accountLink.findUnique({ where });
  if (existing) {
    return db.$transaction(async (tx) => {
      const customer = await tx.accountLink.update({ where, data: { ...fields, deletedAt: null } });
      const created = existing.deletedAt !== null;
      if (created) await announceCreated(tx, customer);
      await audit(tx, created ? "customer.create" : "customer.update", existing, customer);
      return { customer, created };
    });
  }
  try {
    const customer = await db.$transaction(async (tx) => {
      const billingCustomer = await tx.billingCustomer.create({
        data: { name: fields.name ?? fields.legalName ?? null, email: fields.email ?? null },
      });
      const created = await tx.accountLink.create({
        data: { ...fields, serviceId, externalId, billingCustomerId: billingCustomer.id },
      });
      await announceCreated(tx, created);
      await audit(tx, "customer.create", null, created);
      return created;
    });
    return { customer, created: true };
  } catch (error) {
    // A concurrent request created it first: apply ours as the update it now is.
    if (!isUniqueViolation(error)) throw error;
    return db.$transaction(async (tx) => {
      const before = await tx.accountLink.findUniqueOrThrow({ where });
      const customer = await tx.accountLink.update({ where, data: fields });
      await audit(tx, "customer.update", before, customer);
      return { customer, created: false };
    });
  }
}
