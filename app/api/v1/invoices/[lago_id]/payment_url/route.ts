import { env } from "~/server/env";
import { lagoRoute } from "~/server/http/lago-route";
import { unservedMethods } from "~/server/http/lago-resource";
import { invoicePortalLink } from "~/server/invoices/invoice-portal-link";
import { odooClientFromEnv } from "~/server/odoo/client-from-env";

export const dynamic = "force-dynamic";

type Params = { lago_id: string };

// Lago's V1::Invoices::PaymentUrlSerializer; the provider is Odoo's portal, which pays with Odoo's providers.
export const POST = lagoRoute<Params>(async ({ db, service, params }) => {
  const { invoice, url } = await invoicePortalLink({
    db, odoo: odooClientFromEnv, serviceId: service.id, lagoId: params.lago_id, portalBaseUrl: env().ODOO_PORTAL_URL ?? env().ODOO_URL ?? "", purpose: "payment",
  });
  return {
    invoice_payment_details: {
      lago_customer_id: invoice.customer.id,
      lago_invoice_id: params.lago_id,
      external_customer_id: invoice.customer.externalId,
      payment_provider: "odoo",
      payment_url: url.toString(),
    },
  };
}, { lagoAnswersInShadow: true });

export const { GET, PUT, PATCH, DELETE } = unservedMethods(["POST"]);
