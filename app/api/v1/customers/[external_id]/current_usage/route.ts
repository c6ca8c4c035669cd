import { validationFailed } from "~/server/errors";
import { lagoRoute } from "~/server/http/lago-route";
import { serializeCustomerUsage } from "~/server/lago-api/usage-wire";
import { getCurrentUsage } from "~/server/usage/get-current-usage";
import { unservedMethods } from "~/server/http/lago-resource";

export const dynamic = "force-dynamic";

export const GET = lagoRoute<{ external_id: string }>(async ({ db, service, params, searchParams }) => {
  const externalSubscriptionId = searchParams.get("external_subscription_id");
  if (!externalSubscriptionId) throw validationFailed({ external_subscription_id: ["value_is_mandatory"] });
  const usage = await getCurrentUsage({
    db,
    serviceId: service.id,
    externalCustomerId: params.external_id,
    externalSubscriptionId,
  });
  return { customer_usage: serializeCustomerUsage(usage) };
});

export const { POST, PUT, PATCH, DELETE } = unservedMethods(["GET"]);
