import type { Prisma } from "~/generated/prisma/client";
import { DeliveryState } from "~/generated/prisma/enums";
import type { DbOrTx } from "~/server/db/client";
import { type TablePage, type TableQuery, tableEnumFilter, tableFilter, tableOrderBy, tableSearch, pageWindow, readTablePage } from "~/server/db/table-query";

const deliveryRowInclude = { service: { select: { code: true } } } satisfies Prisma.WebhookDeliveryInclude;
export type DeliveryRow = Prisma.WebhookDeliveryGetPayload<{ include: typeof deliveryRowInclude }>;

const SORTABLE = ["state", "attempts", "webhookType", "nextRunAt", "createdAt"] as const;
const FILTERABLE = ["state", "service"] as const;

/** The webhook outbox as the ops screen shows it. */
export async function searchWebhookDeliveries(options: { db: DbOrTx; query: TableQuery }): Promise<TablePage<DeliveryRow>> {
  const { query } = options;
  const state = tableEnumFilter(query, FILTERABLE, "state", DeliveryState);
  const serviceCode = tableFilter(query, FILTERABLE, "service");
  const where: Prisma.WebhookDeliveryWhereInput = {
    ...tableSearch(query, ["webhookType", "lastError"]),
    ...(state ? { state } : {}),
    ...(serviceCode ? { service: { code: serviceCode } } : {}),
  };
  return readTablePage(
    options.db.webhookDelivery.findMany({ where, include: deliveryRowInclude, orderBy: tableOrderBy(query, SORTABLE, { id: "createdAt", desc: true }), ...pageWindow(query) }),
    options.db.webhookDelivery.count({ where }),
  );
}
