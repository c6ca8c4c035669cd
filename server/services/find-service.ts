import type { Service } from "~/generated/prisma/client";
import type { DbOrTx } from "~/server/db/client";
import { notFound } from "~/server/errors";

export async function findService(options: { db: DbOrTx; id: string }): Promise<Service> {
  const service = await options.db.service.findUnique({ where: { id: options.id } });
  if (!service) throw notFound("service");
  return service;
}
