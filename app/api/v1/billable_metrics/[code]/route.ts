import { deleteBillableMetric } from "~/server/catalog/delete-billable-metric";
import { findBillableMetric } from "~/server/catalog/find-billable-metric";
import { updateBillableMetric } from "~/server/catalog/update-billable-metric";
import { lagoRoute } from "~/server/http/lago-route";
import { metricInputFromWire, metricUpdateSchema, serializeBillableMetric } from "~/server/lago-api/metric-wire";
import { parseRoot } from "~/server/http/read-json-body";
import { unservedMethods } from "~/server/http/lago-resource";

export const dynamic = "force-dynamic";

type Params = { code: string };

export const GET = lagoRoute<Params>(async ({ db, service, params }) => ({
  billable_metric: serializeBillableMetric(await findBillableMetric({ db, code: params.code, serviceId: service.id })),
}));

export const PUT = lagoRoute<Params>(async ({ db, service, params, body }) => {
  const input = parseRoot(await body(), "billable_metric", metricUpdateSchema);
  const metric = await updateBillableMetric({ db, code: params.code, changes: metricInputFromWire(input), writer: { kind: "service", serviceId: service.id } });
  return { billable_metric: serializeBillableMetric(metric) };
});

export const DELETE = lagoRoute<Params>(async ({ db, service, params }) => ({
  billable_metric: serializeBillableMetric(await deleteBillableMetric({ db, code: params.code, writer: { kind: "service", serviceId: service.id } })),
}));

export const { POST, PATCH } = unservedMethods(["GET", "PUT", "DELETE"]);
