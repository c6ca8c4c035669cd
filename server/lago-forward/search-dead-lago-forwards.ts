import type { DbOrTx } from "~/server/db/client";

export interface DeadLagoForwardRow {
  id: string;
  serviceCode: string;
  method: string;
  path: string;
  body: unknown;
  attempts: number;
  lastStatus: number | null;
  lastError: string | null;
  updatedAt: Date;
}

/**
 * The dead forwards for the console, newest first: what Lago refused, with its answer as
 * it came. Bounded rather than paged: a dead letter is an incident to fix, not a history.
 */
export async function searchDeadLagoForwards(options: { db: DbOrTx; limit?: number }): Promise<DeadLagoForwardRow[]> {
  const rows = await options.db.lagoForward.findMany({
    where: { status: "dead" },
    orderBy: { updatedAt: "desc" },
    take: options.limit ?? 100,
    select: { id: true, method: true, path: true, body: true, attempts: true, lastStatus: true, lastError: true, updatedAt: true, service: { select: { code: true } } },
  });
  return rows.map(({ service, ...row }) => ({ ...row, serviceCode: service.code }));
}
