// Connection-level failures (PostgreSQL restarting, pool exhausted) are transient:
// the API answers 503 so clients retry, instead of a 500 that reads as a bug.
// P2028 is Prisma's interactive transaction not getting a pooled connection within
// maxWait (or outliving its timeout) when more requests arrive than the pool serves.
const UNAVAILABLE_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EPIPE", "57P01", "57P02", "57P03", "53300", "08006", "08001", "08003", "P1001", "P1002", "P1017", "P2024", "P2028"]);
const UNAVAILABLE_KINDS = new Set(["DatabaseNotReachable", "ConnectionClosed", "SocketTimeout", "TooManyConnections"]);
const UNAVAILABLE_MESSAGE = /connection (terminated|refused|closed)|ECONNREFUSED|ECONNRESET|EPIPE|the database system is (starting up|shutting down|in recovery mode|not yet accepting connections)|terminating connection|Can't reach database|Timed out fetching a new connection|DatabaseNotReachable|Connection terminated|server closed the connection|Client has encountered a connection error/i;

// Prisma keeps the driver's own error in `meta` (raw queries: P2010) or under
// `meta.driverAdapterError.cause` (originalCode/originalMessage/kind), not in `cause`.
const NESTED = ["cause", "meta", "driverAdapterError"] as const;

export function isDatabaseUnavailable(error: unknown): boolean {
  const queue: unknown[] = [error];
  for (let visited = 0; queue.length && visited < 20; visited++) {
    const current = queue.shift();
    if (!current || typeof current !== "object") continue;
    const candidate = current as Record<string, unknown>;
    for (const key of ["code", "originalCode"]) {
      if (typeof candidate[key] === "string" && UNAVAILABLE_CODES.has(candidate[key])) return true;
    }
    if (typeof candidate.kind === "string" && UNAVAILABLE_KINDS.has(candidate.kind)) return true;
    for (const key of ["message", "originalMessage"]) {
      if (typeof candidate[key] === "string" && UNAVAILABLE_MESSAGE.test(candidate[key])) return true;
    }
    for (const key of NESTED) queue.push(candidate[key]);
  }
  return false;
}
