import { createPlan } from "~/server/catalog/create-plan";
import { listPlans } from "~/server/catalog/list-plans";
import type { PlanInput } from "~/server/catalog/plan-input";
import { lagoRoute } from "~/server/http/lago-route";
import { paginationMeta, paginationWindow, parsePagination } from "~/server/http/lago-pagination";
import { planCreateSchema, planInputFromWire, serializePlan } from "~/server/lago-api/plan-wire";
import { parseRoot } from "~/server/http/read-json-body";
import { unservedMethods } from "~/server/http/lago-resource";

export const dynamic = "force-dynamic";

export const POST = lagoRoute(async ({ db, service, body }) => {
  const input = parseRoot(await body(), "plan", planCreateSchema);
  return { plan: serializePlan(await createPlan({ db, input: planInputFromWire(input) as PlanInput, writer: { kind: "service", serviceId: service.id } })) };
});

export const GET = lagoRoute(async ({ db, service, searchParams }) => {
  const pagination = parsePagination(searchParams);
  const { plans, totalCount } = await listPlans({ db, page: paginationWindow(pagination), serviceId: service.id });
  return { plans: plans.map(serializePlan), meta: paginationMeta(pagination, totalCount) };
});

export const { PUT, PATCH, DELETE } = unservedMethods(["GET", "POST"]);
