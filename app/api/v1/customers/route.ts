import { listCustomers } from "~/server/identity/list-customers";
import { upsertCustomer } from "~/server/identity/upsert-customer";
import { customerFieldsFromWire, customerInputSchema, serializeCustomer, UNSUPPORTED_CUSTOMER_FIELDS } from "~/server/lago-api/customer-wire";
import { refuseUnsupportedFields } from "~/server/lago-api/unsupported-fields";
import { lagoRoute } from "~/server/http/lago-route";
import { paginationMeta, paginationWindow, parsePagination } from "~/server/http/lago-pagination";
import { parseRoot } from "~/server/http/read-json-body";
import { unservedMethods } from "~/server/http/lago-resource";

export const dynamic = "force-dynamic";

export const POST = lagoRoute(async ({ db, service, body }) => {
  const raw = await body();
  refuseUnsupportedFields(raw, "customer", UNSUPPORTED_CUSTOMER_FIELDS);
  const input = parseRoot(raw, "customer", customerInputSchema);
  const { customer } = await upsertCustomer({ db, serviceId: service.id, externalId: input.external_id, fields: customerFieldsFromWire(input), announce: true, actor: { actorServiceId: service.id }, forwardBody: raw });
  return { customer: serializeCustomer(customer) };
});

export const GET = lagoRoute(async ({ db, service, searchParams }) => {
  const pagination = parsePagination(searchParams);
  const { customers, totalCount } = await listCustomers({ db, serviceId: service.id, page: paginationWindow(pagination) });
  return { customers: customers.map(serializeCustomer), meta: paginationMeta(pagination, totalCount) };
});

export const { PUT, PATCH, DELETE } = unservedMethods(["GET", "POST"]);
