import type { DbOrTx } from "~/server/db/client";
import { notFound } from "~/server/errors";
import { evaluateGate, type GateVerdict } from "./evaluate-gate";

// Enough runs for the periods that count and what came before them (reruns included).
const RUNS_READ = 60;

/**
 * The migration gate of one service from its finished reconciliation runs: those of the
 * service alone and those of every service (their lines of this service only), the
 * latest run of each period speaking for it.
 */
export async function getMigrationGate(options: { db: DbOrTx; serviceCode: string; now?: Date }): Promise<GateVerdict & { serviceCode: string; billingMode: string; toleranceCents: number; cutoverAt: Date | null }> {
  const { db } = options;
  const now = options.now ?? new Date();
  const service = await db.service.findUnique({ where: { code: options.serviceCode }, select: { id: true, code: true, billingMode: true, gatePeriods: true, gateToleranceCents: true, cutoverAt: true } });
  if (!service) throw notFound("service");
  const runs = await db.reconciliationRun.findMany({
    where: { status: "succeeded", periodEnd: { lte: now }, OR: [{ serviceId: service.id }, { serviceId: null }] },
    orderBy: [{ periodStart: "desc" }, { createdAt: "desc" }],
    take: RUNS_READ,
    select: {
      id: true, periodStart: true, periodEnd: true, createdAt: true,
      lines: {
        where: { serviceCode: service.code },
        select: { id: true, customerKey: true, chargeKey: true, currency: true, lagoUnits: true, hubUnits: true, lagoAmountCents: true, hubAmountCents: true },
      },
    },
  });
  const verdict = evaluateGate({ runs, requiredPeriods: service.gatePeriods, toleranceCents: service.gateToleranceCents, now });
  return { ...verdict, serviceCode: service.code, billingMode: service.billingMode, toleranceCents: service.gateToleranceCents, cutoverAt: service.cutoverAt };
}
