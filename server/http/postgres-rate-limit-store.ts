import type { DbOrTx } from "~/server/db/client";
import type { RateLimitStore } from "./shared-rate-limiter";

/**
 * Rate-limit reservations in PostgreSQL, for deployments without Redis: one upsert per
 * reservation in `rate_limit_windows` (UNLOGGED: counts of a minute are not worth WAL,
 * and a crash only forgets the current window). Each process clears the past windows
 * once per window it sees.
 */
export function postgresRateLimitStore(db: () => Promise<DbOrTx>): RateLimitStore {
  let clearedBefore = 0;
  return {
    async reserve({ key, windowStart, amount }) {
      const client = await db();
      const start = new Date(windowStart);
      if (clearedBefore < windowStart) {
        clearedBefore = windowStart;
        void client.$executeRaw`DELETE FROM rate_limit_windows WHERE window_start < ${start}`.catch(() => undefined);
      }
      const rows = await client.$queryRaw<Array<{ reserved: number }>>`
        INSERT INTO rate_limit_windows (key, window_start, reserved) VALUES (${key}, ${start}, ${amount})
        ON CONFLICT (key, window_start) DO UPDATE SET reserved = rate_limit_windows.reserved + EXCLUDED.reserved
        RETURNING reserved`;
      return Number(rows[0]?.reserved ?? 0);
    },
  };
}
