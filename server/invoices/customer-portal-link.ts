import type { AccountLink } from "~/generated/prisma/client";
import type { DbOrTx } from "~/server/db/client";
import { env } from "~/server/env";
import { validationFailed } from "~/server/errors";
import { findCustomer } from "~/server/identity/find-customer";
import { type OdooClient, orderPortalPath } from "~/server/odoo";
import { odooClientFromEnv } from "~/server/odoo/client-from-env";
import { readFromOdoo } from "./read-from-odoo";

/**
 * Lago's customer portal_url answered by Odoo's portal: the page of the customer's Odoo
 * subscription order, opened with its access token, where the customer reads and pays
 * its invoices and keeps a payment method. Odoo has no token-opened page for a partner as
 * a whole (`/my` needs a portal account), so a customer with no Odoo order yet has no
 * portal: Lago's 422, not a link to a login page.
 */
export async function customerPortalLink(options: {
  db: DbOrTx;
  odoo: () => OdooClient;
  serviceId: string;
  externalId: string;
  portalBaseUrl: string;
}): Promise<{ url: URL; customer: AccountLink }> {
  const customer = await findCustomer(options);
  // The running subscription's order first, then the most recent one the customer had.
  const subscriptions = await options.db.subscription.findMany({
    where: { accountLinkId: customer.id, serviceId: options.serviceId, odooOrderId: { not: null } },
    select: { odooOrderId: true, status: true },
    orderBy: [{ subscriptionAt: "desc" }, { createdAt: "desc" }],
  });
  const chosen = subscriptions.find((subscription) => subscription.status === "active") ?? subscriptions[0];
  if (!chosen) throw validationFailed({ customer: ["no_odoo_subscription"] });
  const path = await readFromOdoo(() => orderPortalPath(options.odoo(), chosen.odooOrderId!));
  return { url: new URL(path, options.portalBaseUrl), customer };
}

/** customerPortalLink through the app's Odoo client, on its public portal address. */
export function appCustomerPortalLink(options: { db: DbOrTx; serviceId: string; externalId: string }) {
  const settings = env();
  return customerPortalLink({ ...options, odoo: odooClientFromEnv, portalBaseUrl: settings.ODOO_PORTAL_URL ?? settings.ODOO_URL ?? "" });
}
