import type { Prisma, WebhookDelivery } from "~/generated/prisma/client";
import type { DbOrTx } from "~/server/db/client";
import { type TablePage, type TableQuery, tableFilter, tableOrderBy, tableSearch, tableWindow } from "~/server/trpc/table-query";

const deliveryRowInclude = { service: { select: { code: true } } } satisfies Prisma.WebhookDeliveryInclude;
export type DeliveryRow = Prisma.WebhookDeliveryGetPayload<{ include: typeof deliveryRowInclude }>;

const SORTABLE = ["state", "attempts", "webhookType", "nextRunAt", "createdAt"] as const;
const FILTERABLE = ["state"] as const;

/** The webhook outbox as the ops screen shows it (delivery itself lives in server/webhooks). */
export async function listWebhookDeliveries(options: { db: DbOrTx; query: TableQuery }): Promise<TablePage<DeliveryRow>> {
  const { query } = options;
  const state = tableFilter(query, FILTERABLE, "state");
  const where: Prisma.WebhookDeliveryWhereInput = {
    ...tableSearch(query, ["webhookType", "lastError"]),
    ...(state ? { state: state as WebhookDelivery["state"] } : {}),
  };
  const [rows, totalCount] = await Promise.all([
    options.db.webhookDelivery.findMany({ where, include: deliveryRowInclude, orderBy: tableOrderBy(query, SORTABLE, { id: "createdAt", desc: true }), ...tableWindow(query) }),
    options.db.webhookDelivery.count({ where }),
  ]);
  return { rows, totalCount };
}
