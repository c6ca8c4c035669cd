import type { DbOrTx } from "~/server/db/client";
import { recordAudit } from "~/server/audit/record-audit";
import { notFound, validationFailed } from "~/server/errors";

/** How strict a service's migration gate is: consecutive agreeing periods (1–24) and the per-line tolerance in minor units (0–100000). */
export async function setMigrationGate(options: { db: DbOrTx; serviceCode: string; periods: number; toleranceCents: number; actorId?: string }) {
  const { db, periods, toleranceCents } = options;
  const errors: Record<string, string[]> = {};
  if (!Number.isInteger(periods) || periods < 1 || periods > 24) errors.gate_periods = ["value_is_out_of_range"];
  if (!Number.isInteger(toleranceCents) || toleranceCents < 0 || toleranceCents > 100_000) errors.gate_tolerance_cents = ["value_is_out_of_range"];
  if (Object.keys(errors).length) throw validationFailed(errors);
  const before = await db.service.findUnique({ where: { code: options.serviceCode }, select: { id: true, gatePeriods: true, gateToleranceCents: true } });
  if (!before) throw notFound("service");
  const after = await db.service.update({ where: { id: before.id }, data: { gatePeriods: periods, gateToleranceCents: toleranceCents }, select: { id: true, gatePeriods: true, gateToleranceCents: true } });
  await recordAudit(db, { actorId: options.actorId, action: "service.set_migration_gate", entityType: "service", entityId: before.id, before, after });
  return after;
}
