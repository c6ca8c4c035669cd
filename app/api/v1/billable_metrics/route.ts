import type { BillableMetricInput } from "~/server/catalog/billable-metric-input";
import { createBillableMetric } from "~/server/catalog/create-billable-metric";
import { listBillableMetrics } from "~/server/catalog/list-billable-metrics";
import { lagoRoute } from "~/server/http/lago-route";
import { metricCreateSchema, metricInputFromWire, serializeBillableMetric } from "~/server/lago-api/metric-wire";
import { paginationMeta, paginationWindow, parsePagination } from "~/server/http/lago-pagination";
import { parseRoot } from "~/server/http/read-json-body";
import { unservedMethods } from "~/server/http/lago-resource";

export const dynamic = "force-dynamic";

export const POST = lagoRoute(async ({ db, service, body }) => {
  const input = parseRoot(await body(), "billable_metric", metricCreateSchema);
  const metric = await createBillableMetric({ db, input: metricInputFromWire(input) as BillableMetricInput, writer: { kind: "service", serviceId: service.id } });
  return { billable_metric: serializeBillableMetric(metric) };
});

export const GET = lagoRoute(async ({ db, service, searchParams }) => {
  const pagination = parsePagination(searchParams);
  const { metrics, totalCount } = await listBillableMetrics({ db, page: paginationWindow(pagination), serviceId: service.id });
  return { billable_metrics: metrics.map(serializeBillableMetric), meta: paginationMeta(pagination, totalCount) };
});

export const { PUT, PATCH, DELETE } = unservedMethods(["GET", "POST"]);
