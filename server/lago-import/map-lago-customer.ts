import { customerFieldsFromWire } from "~/server/lago-api/customer-wire";
import type { CustomerFields } from "~/server/identity/customer-fields";
import type { LagoCustomer } from "./lago-wire";

/**
 * The app-owned customer fields of a Lago customer (billing configuration and integrations stay in Lago).
 * Lago returns every field, so the same wire mapping as POST /customers applies; only metadata drops
 * Lago's own ids and timestamps.
 */
export function mapLagoCustomer(customer: LagoCustomer): CustomerFields {
  const metadata = customer.metadata.map(({ key, value, display_in_invoice }) => ({ key, value, display_in_invoice }));
  return customerFieldsFromWire({ ...customer, metadata });
}
