// Connection-level failures (PostgreSQL restarting, pool exhausted) are transient:
// the API answers 503 so clients retry, instead of a 500 that reads as a bug.
// P2028 is Prisma's interactive transaction not getting a pooled connection within
// maxWait (or outliving its timeout) when more requests arrive than the pool serves.
const UNAVAILABLE_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "57P01", "57P02", "57P03", "53300", "08006", "08001", "08003", "P1001", "P1002", "P1017", "P2024", "P2028"]);
const UNAVAILABLE_MESSAGE = /connection (terminated|refused|closed)|ECONNREFUSED|ECONNRESET|the database system is (starting up|shutting down)|terminating connection|Can't reach database|Timed out fetching a new connection|DatabaseNotReachable|Connection terminated/i;

export function isDatabaseUnavailable(error: unknown): boolean {
  for (let current: unknown = error, depth = 0; current && depth < 5; depth++) {
    if (typeof current !== "object") break;
    const candidate = current as { code?: unknown; message?: unknown; cause?: unknown };
    if (typeof candidate.code === "string" && UNAVAILABLE_CODES.has(candidate.code)) return true;
    if (typeof candidate.message === "string" && UNAVAILABLE_MESSAGE.test(candidate.message)) return true;
    current = candidate.cause;
  }
  return false;
}
