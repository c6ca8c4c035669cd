import type { Db } from "~/server/db/client";
import { type OdooClient, partnerAddressValues, writePartnerAddress } from "~/server/odoo";
import type { SubscriptionForPush } from "./ensure-odoo-subscription";

/**
 * Writes the pushed account's address, phone and tax number onto its customer's Odoo
 * partner when the app has changed them since the last write (the account's version is
 * kept on the customer), so Odoo's invoices and its taxes by province follow the app. A
 * customer shared by several services' accounts takes the last one the apps changed.
 * Returns what ops must hear about: a country or state Odoo does not know.
 */
export async function syncPartnerAddress(options: { db: Db; odoo: OdooClient; subscription: SubscriptionForPush }): Promise<{ warning: string | null }> {
  const { accountLink } = options.subscription;
  const customer = accountLink.billingCustomer;
  if (customer.odooPartnerId === null) return { warning: null };
  if (customer.odooAddressSyncedAt !== null && customer.odooAddressSyncedAt >= accountLink.updatedAt) return { warning: null };
  const { vals, unmatched } = await partnerAddressValues(options.odoo, accountLink);
  await writePartnerAddress(options.odoo, customer.odooPartnerId, vals);
  await options.db.billingCustomer.update({ where: { id: customer.id }, data: { odooAddressSyncedAt: accountLink.updatedAt } });
  customer.odooAddressSyncedAt = accountLink.updatedAt;
  return {
    warning: unmatched.length
      ? `Odoo knows no ${unmatched.join(" nor ")} of customer ${accountLink.externalId}: its partner has no such address field, and Odoo taxes it by its company's default`
      : null,
  };
}
