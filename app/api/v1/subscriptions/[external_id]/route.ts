import { findPlan } from "~/server/catalog/find-plan";
import { lagoRoute } from "~/server/http/lago-route";
import { serializeSubscription } from "~/server/lago-api/subscription-wire";
import { findSubscription } from "~/server/subscriptions/find-subscription";
import { terminateSubscription } from "~/server/subscriptions/terminate-subscription";
import { unservedMethods } from "~/server/http/lago-resource";

export const dynamic = "force-dynamic";

type Params = { external_id: string };

export const GET = lagoRoute<Params>(async ({ db, service, params }) => {
  const subscription = await findSubscription({ db, serviceId: service.id, externalId: params.external_id });
  return { subscription: serializeSubscription(subscription, { withPlan: await findPlan({ db, code: subscription.plan.code }) }) };
});

export const DELETE = lagoRoute<Params>(async ({ db, service, params }) => ({
  subscription: serializeSubscription(await terminateSubscription({ db, serviceId: service.id, externalId: params.external_id, announce: true, actor: { actorServiceId: service.id } })),
}));

export const { POST, PUT, PATCH } = unservedMethods(["GET", "DELETE"]);
