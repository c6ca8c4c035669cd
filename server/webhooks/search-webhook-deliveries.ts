import type { Prisma } from "~/generated/prisma/client";
import { DeliveryState } from "~/generated/prisma/enums";
import type { DbOrTx } from "~/server/db/client";
import { type TablePage, type TableQuery, oneOf, readTablePage, tableWhere, tableWindow } from "~/server/db/table-query";
import { isUuid } from "~/server/lib/uuid";

const deliveryRowInclude = { service: { select: { code: true } } } satisfies Prisma.WebhookDeliveryInclude;
export type DeliveryRow = Prisma.WebhookDeliveryGetPayload<{ include: typeof deliveryRowInclude }> & {
  /** The app account the delivery is about (its ordering key) and its billing customer. */
  customer: { externalId: string; billingCustomerId: string } | null;
};

const SORTABLE = ["state", "attempts", "webhookType", "nextRunAt", "createdAt"] as const;

/** The webhook outbox as the ops screen shows it, each delivery with the customer it is about. */
export async function searchWebhookDeliveries(options: { db: DbOrTx; query: TableQuery }): Promise<TablePage<DeliveryRow>> {
  const { query } = options;
  const where = tableWhere<Prisma.WebhookDeliveryWhereInput>(query, {
    search: ["webhookType", "lastError"],
    filters: { state: oneOf(DeliveryState, (state) => ({ state })), service: (code) => ({ service: { code } }) },
  });
  const page = await readTablePage(
    options.db.webhookDelivery.findMany({ where, include: deliveryRowInclude, ...tableWindow(query, SORTABLE, { id: "createdAt", desc: true }) }),
    options.db.webhookDelivery.count({ where }),
  );
  const accountIds = [...new Set(page.rows.map((row) => row.orderingKey).filter(isUuid))];
  const accounts = accountIds.length
    ? await options.db.accountLink.findMany({ where: { id: { in: accountIds } }, select: { id: true, externalId: true, billingCustomerId: true } })
    : [];
  const byId = new Map(accounts.map((account) => [account.id, { externalId: account.externalId, billingCustomerId: account.billingCustomerId }]));
  return { ...page, rows: page.rows.map((row) => ({ ...row, customer: byId.get(row.orderingKey) ?? null })) };
}
