import type { DbOrTx } from "~/server/db/client";

/** Codes of the services that have deliveries, for the screen's service filter. */
export async function listWebhookServiceCodes(options: { db: DbOrTx }): Promise<string[]> {
  const services = await options.db.service.findMany({ where: { webhookDeliveries: { some: {} } }, select: { code: true }, orderBy: { code: "asc" } });
  return services.map((service) => service.code);
}
