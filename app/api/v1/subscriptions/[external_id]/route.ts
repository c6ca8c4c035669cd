import { findPlan } from "~/server/catalog/find-plan";
import { lagoRoute } from "~/server/http/lago-route";
import { parseRoot } from "~/server/http/read-json-body";
import {
  serializeSubscription, subscriptionChangesFromWire, subscriptionUpdateSchema, terminationOptionsFromWire, UNSUPPORTED_SUBSCRIPTION_FIELDS,
} from "~/server/lago-api/subscription-wire";
import { refuseUnsupportedFields } from "~/server/lago-api/unsupported-fields";
import { updateSubscription } from "~/server/subscriptions/update-subscription";
import { findSubscription } from "~/server/subscriptions/find-subscription";
import { terminateSubscription } from "~/server/subscriptions/terminate-subscription";
import { unservedMethods } from "~/server/http/lago-resource";

export const dynamic = "force-dynamic";

type Params = { external_id: string };

export const GET = lagoRoute<Params>(async ({ db, service, params }) => {
  const subscription = await findSubscription({ db, serviceId: service.id, externalId: params.external_id });
  return { subscription: serializeSubscription(subscription, { withPlan: await findPlan({ db, code: subscription.plan.code }) }) };
});

export const PUT = lagoRoute<Params>(async ({ db, service, params, body }) => {
  const raw = await body();
  refuseUnsupportedFields(raw, "subscription", UNSUPPORTED_SUBSCRIPTION_FIELDS);
  const input = parseRoot(raw, "subscription", subscriptionUpdateSchema);
  const subscription = await updateSubscription({ db, serviceId: service.id, externalId: params.external_id, changes: subscriptionChangesFromWire(input), actor: { actorServiceId: service.id }, forwardBody: raw });
  return { subscription: serializeSubscription(subscription, { withPlan: await findPlan({ db, code: subscription.plan.code }) }) };
}, { rootKey: "subscription" });

export const DELETE = lagoRoute<Params>(async ({ db, service, params, searchParams }) => {
  const { creditNote } = terminationOptionsFromWire(searchParams);
  const ended = await terminateSubscription({ db, serviceId: service.id, externalId: params.external_id, announce: true, actor: { actorServiceId: service.id }, forward: true, creditNote });
  return { subscription: serializeSubscription(ended) };
});

export const { POST, PATCH } = unservedMethods(["GET", "PUT", "DELETE"]);
