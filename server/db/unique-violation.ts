/** True when a write lost a race against a unique index (Prisma P2002 / PostgreSQL 23505). */
export function isUniqueViolation(error: unknown): boolean {
  for (let current: unknown = error, depth = 0; current && typeof current === "object" && depth < 5; depth++) {
    const candidate = current as { code?: unknown; cause?: unknown; originalCode?: unknown };
    if (candidate.code === "P2002" || candidate.code === "23505" || candidate.originalCode === "23505") return true;
    current = candidate.cause;
  }
  return false;
}
