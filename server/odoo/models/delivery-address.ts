/** A customer's shipping address: the res.partner of type 'delivery' under its partner. */
import type { OdooClient } from "../client";
import { createOnce } from "./create-once";

async function findDeliveryAddress(client: OdooClient, partnerId: number): Promise<number | null> {
  const found = await client.call<number[]>("res.partner", "search", { domain: [["parent_id", "=", partnerId], ["type", "=", "delivery"]], order: "id", limit: 1 });
  return found[0] ?? null;
}

/**
 * Writes address values (partnerAddressValues') onto the partner's delivery address,
 * creating it the first time: Odoo's address_get(['delivery']) then gives it to the
 * partner's new sale orders as partner_shipping_id. An existing one (made in Odoo) is
 * updated rather than doubled, which would leave Odoo to pick either. Nameless, as Odoo
 * allows for a delivery address: Odoo shows it as "<customer>, Delivery".
 */
export async function writeDeliveryAddress(client: OdooClient, partnerId: number, vals: Record<string, unknown>): Promise<number> {
  const existing = await findDeliveryAddress(client, partnerId);
  if (existing === null) {
    return createOnce(client, "res.partner", { ...vals, parent_id: partnerId, type: "delivery" }, () => findDeliveryAddress(client, partnerId));
  }
  if (Object.keys(vals).length) await client.call<boolean>("res.partner", "write", { ids: [existing], vals });
  return existing;
}
