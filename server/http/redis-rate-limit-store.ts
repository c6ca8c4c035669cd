import { Redis } from "ioredis";
import type { RateLimitStore } from "./shared-rate-limiter";

/**
 * Rate-limit reservations in Redis (ioredis): one INCRBY per reservation on a key per
 * service and window, expiring with the window. A call that takes longer than 500 ms
 * fails, and the limiter counts alone meanwhile, so a slow Redis never slows the API.
 */
export function redisRateLimitStore(url: string): RateLimitStore & { close: () => Promise<void> } {
  const client = new Redis(url, { commandTimeout: 500, maxRetriesPerRequest: 1, enableOfflineQueue: true, lazyConnect: false });
  // Errors surface through the failed reservations; an unhandled 'error' event would crash the process.
  client.on("error", () => undefined);
  return {
    async reserve({ key, windowStart, windowMs, amount }) {
      const name = `nexa:rate-limit:${key}:${windowStart}`;
      const replies = await client.multi().incrby(name, amount).pexpire(name, windowMs + 5_000).exec();
      const [error, total] = replies?.[0] ?? [new Error("no reply from Redis"), null];
      if (error) throw error;
      return Number(total);
    },
    close: async () => {
      await client.quit().catch(() => client.disconnect());
    },
  };
}
