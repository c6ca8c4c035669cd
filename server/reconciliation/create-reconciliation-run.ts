import type { ReconciliationRun } from "~/generated/prisma/client";
import type { DbOrTx } from "~/server/db/client";
import { notFound, validationFailed } from "~/server/errors";

/**
 * Opens a new run for [from, to) (a rerun is always a new run: finished runs are never
 * touched). `serviceCode` narrows it to one service; none = every service.
 */
export async function createReconciliationRun(options: {
  db: DbOrTx;
  from: Date;
  to: Date;
  toleranceCents: number;
  serviceCode?: string | null;
  startedBy?: string | null;
}): Promise<ReconciliationRun> {
  const { db, from, to, toleranceCents } = options;
  if (!(from < to)) throw validationFailed({ to: ["must_be_after_from"] });
  if (!Number.isSafeInteger(toleranceCents) || toleranceCents < 0) throw validationFailed({ tolerance_cents: ["value_is_out_of_range"] });
  let serviceId: string | null = null;
  if (options.serviceCode) {
    const service = await db.service.findUnique({ where: { code: options.serviceCode }, select: { id: true } });
    if (!service) throw notFound("service");
    serviceId = service.id;
  }
  return db.reconciliationRun.create({
    data: { periodStart: from, periodEnd: to, toleranceCents, serviceId, startedBy: options.startedBy ?? null, progress: "queued" },
  });
}
