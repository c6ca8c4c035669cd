import { deletePlan } from "~/server/catalog/delete-plan";
import { findPlan } from "~/server/catalog/find-plan";
import { updatePlan } from "~/server/catalog/update-plan";
import { lagoRoute } from "~/server/http/lago-route";
import { planInputFromWire, planUpdateSchema, serializePlan } from "~/server/lago-api/plan-wire";
import { parseRoot } from "~/server/http/read-json-body";
import { unservedMethods } from "~/server/http/lago-resource";

export const dynamic = "force-dynamic";

type Params = { code: string };

export const GET = lagoRoute<Params>(async ({ db, service, params }) => ({
  plan: serializePlan(await findPlan({ db, code: params.code, serviceId: service.id })),
}));

export const PUT = lagoRoute<Params>(async ({ db, service, params, body }) => {
  const input = parseRoot(await body(), "plan", planUpdateSchema);
  return { plan: serializePlan(await updatePlan({ db, code: params.code, changes: planInputFromWire(input), writer: { kind: "service", serviceId: service.id } })) };
});

export const DELETE = lagoRoute<Params>(async ({ db, service, params }) => ({
  plan: serializePlan(await deletePlan({ db, code: params.code, writer: { kind: "service", serviceId: service.id } })),
}));

export const { POST, PATCH } = unservedMethods(["GET", "PUT", "DELETE"]);
