import { AppError, validationFailed } from "~/server/errors";
import { findPartnerById, isOdooError, type OdooClient } from "~/server/odoo";

/**
 * Refuses an Odoo partner id that Odoo does not know, so a mistyped id cannot send a
 * customer's invoices to nobody (or to somebody else's partner unnoticed: the console
 * shows the partner's name). Without a configured Odoo (`odoo` null) there is nothing to ask.
 */
export async function verifyOdooPartner(options: { odoo: OdooClient | null; odooPartnerId: number }): Promise<{ name: string } | null> {
  const { odoo, odooPartnerId } = options;
  if (!odoo) return null;
  try {
    const partner = await findPartnerById(odoo, odooPartnerId);
    if (!partner) throw validationFailed({ odoo_partner_id: ["not_found_in_odoo"] });
    return { name: partner.name };
  } catch (error) {
    if (isOdooError(error)) throw new AppError("unavailable", `Odoo could not confirm partner ${odooPartnerId}: ${error.message}`);
    throw error;
  }
}
