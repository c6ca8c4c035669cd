import { z } from "zod";
import { findPlan } from "~/server/catalog/find-plan";
import { lagoRoute } from "~/server/http/lago-route";
import { paginationMeta, paginationWindow, parsePagination } from "~/server/http/lago-pagination";
import { parseRoot } from "~/server/http/read-json-body";
import {
  SUBSCRIPTION_STATUSES, serializeSubscription, subscriptionCreateSchema, subscriptionInputFromWire, UNSUPPORTED_SUBSCRIPTION_FIELDS,
} from "~/server/lago-api/subscription-wire";
import { refuseUnsupportedFields } from "~/server/lago-api/unsupported-fields";
import { createSubscription } from "~/server/subscriptions/create-subscription";
import { listSubscriptions } from "~/server/subscriptions/list-subscriptions";
import { unservedMethods } from "~/server/http/lago-resource";

export const dynamic = "force-dynamic";

export const POST = lagoRoute(async ({ db, service, body }) => {
  const raw = await body();
  refuseUnsupportedFields(raw, "subscription", UNSUPPORTED_SUBSCRIPTION_FIELDS);
  const input = parseRoot(raw, "subscription", subscriptionCreateSchema);
  const { subscription } = await createSubscription({ db, serviceId: service.id, input: subscriptionInputFromWire(input), announce: true, actor: { actorServiceId: service.id }, forwardBody: raw });
  return { subscription: serializeSubscription(subscription, { withPlan: await findPlan({ db, code: subscription.plan.code }) }) };
});

const statusFilter = z.array(z.enum(SUBSCRIPTION_STATUSES, { error: "value_is_invalid" }));

export const GET = lagoRoute(async ({ db, service, searchParams }) => {
  const pagination = parsePagination(searchParams);
  const { subscriptions, totalCount } = await listSubscriptions({
    db,
    serviceId: service.id,
    page: paginationWindow(pagination),
    filters: {
      externalCustomerId: searchParams.get("external_customer_id") ?? undefined,
      planCode: searchParams.get("plan_code") ?? undefined,
      statuses: statusFilter.parse([...searchParams.getAll("status[]"), ...searchParams.getAll("status")]),
    },
  });
  return { subscriptions: subscriptions.map((s) => serializeSubscription(s)), meta: paginationMeta(pagination, totalCount) };
});

export const { PUT, PATCH, DELETE } = unservedMethods(["GET", "POST"]);
