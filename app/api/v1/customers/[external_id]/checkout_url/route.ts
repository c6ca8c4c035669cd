import { lagoRoute } from "~/server/http/lago-route";
import { unservedMethods } from "~/server/http/lago-resource";
import { appCustomerPortalLink } from "~/server/invoices/customer-portal-link";

export const dynamic = "force-dynamic";

type Params = { external_id: string };

// Lago's POST /customers/{external_id}/checkout_url (CustomerCheckoutSerializer). Odoo's
// page for a customer's payment method is its subscription's portal page, whose provider
// is Odoo's setting: the provider is "odoo", as in the payment failure webhook. Lago
// sends no webhook for a URL the API generates (send_webhook: false), nor does the hub.
export const POST = lagoRoute<Params>(async ({ db, service, params }) => {
  const { url, customer } = await appCustomerPortalLink({ db, serviceId: service.id, externalId: params.external_id });
  return {
    customer: { lago_customer_id: customer.id, external_customer_id: customer.externalId, payment_provider: "odoo", payment_provider_code: null, checkout_url: url.toString() },
  };
}, { lagoAnswersInShadow: true });

export const { GET, PUT, PATCH, DELETE } = unservedMethods(["POST"]);
