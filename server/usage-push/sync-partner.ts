import type { Db } from "~/server/db/client";
import { findOrCreatePaymentTerm, type OdooClient, partnerAddressValues, writeDeliveryAddress, writePartnerAddress } from "~/server/odoo";
import type { SubscriptionForPush } from "./ensure-odoo-subscription";

/**
 * Writes the pushed account's customer fields onto its customer's Odoo partner when the
 * app has changed them since the last write (the account's version is kept on the
 * customer), so Odoo's invoices, taxes by province, due dates and deliveries follow the
 * app: the address, phone and tax number; net_payment_term as the partner's payment term;
 * the shipping address as its delivery address. Odoo copies both onto an order only when
 * the order is made (sale_order.py _compute_payment_term_id, _compute_partner_shipping_id,
 * both on partner_id) and an invoice takes its order's term (_prepare_invoice), so the
 * customer's orders get them too: the first order is made before this first write, and a
 * subscription's order lives on. A customer shared by several services' accounts takes
 * the last one the apps changed. Returns what ops must hear about: a country or state Odoo
 * does not know, a term the hub's user may not create.
 */
export async function syncPartner(options: { db: Db; odoo: OdooClient; subscription: SubscriptionForPush }): Promise<{ warning: string | null }> {
  const { db, odoo } = options;
  const { accountLink } = options.subscription;
  const customer = accountLink.billingCustomer;
  if (customer.odooPartnerId === null) return { warning: null };
  if (customer.odooAddressSyncedAt !== null && customer.odooAddressSyncedAt >= accountLink.updatedAt) return { warning: null };
  const { vals, unmatched } = await partnerAddressValues(odoo, accountLink);
  const warnings: string[] = [];
  if (unmatched.length) {
    warnings.push(`Odoo knows no ${unmatched.join(" nor ")} of customer ${accountLink.externalId}: its partner has no such address field, and Odoo taxes it by its company's default`);
  }
  const orderVals: Record<string, unknown> = {};
  // null is Lago's "inherit": the term Odoo holds (staff's, or none: due on the invoice date) stays.
  if (accountLink.netPaymentTerm !== null) {
    const termId = await findOrCreatePaymentTerm(odoo, accountLink.netPaymentTerm);
    if (termId !== null) vals.property_payment_term_id = orderVals.payment_term_id = termId;
    else {
      warnings.push(
        `Odoo has no payment term of ${accountLink.netPaymentTerm} days for customer ${accountLink.externalId}, and only Accounting / Administrator may create one: ` +
          `create it in Odoo (one line, 100% ${accountLink.netPaymentTerm} days after invoice date) and change the customer again; its invoices fall due on its current term meanwhile`,
      );
    }
  }
  await writePartnerAddress(odoo, customer.odooPartnerId, vals);
  const shipping = {
    addressLine1: accountLink.shippingAddressLine1, addressLine2: accountLink.shippingAddressLine2, city: accountLink.shippingCity,
    zipcode: accountLink.shippingZipcode, country: accountLink.shippingCountry, state: accountLink.shippingState, phone: null, taxIdentificationNumber: null,
  };
  if (Object.values(shipping).some((value) => value !== null)) {
    const delivery = await partnerAddressValues(odoo, shipping);
    if (delivery.unmatched.length) warnings.push(`Odoo knows no ${delivery.unmatched.join(" nor ")} of customer ${accountLink.externalId}'s shipping address: its delivery address has no such field`);
    orderVals.partner_shipping_id = await writeDeliveryAddress(odoo, customer.odooPartnerId, delivery.vals);
  }
  if (Object.keys(orderVals).length) {
    const orders = await db.subscription.findMany({ where: { accountLink: { billingCustomerId: customer.id }, odooOrderId: { not: null } }, select: { odooOrderId: true } });
    if (orders.length) await odoo.call<boolean>("sale.order", "write", { ids: orders.map((order) => order.odooOrderId!), vals: orderVals });
  }
  await db.billingCustomer.update({ where: { id: customer.id }, data: { odooAddressSyncedAt: accountLink.updatedAt } });
  customer.odooAddressSyncedAt = accountLink.updatedAt;
  return { warning: warnings.length ? warnings.join("; ") : null };
}
