import type { Db } from "~/server/db/client";
import { normalizeEmail } from "~/server/users/console-user";
import { ACCOUNT_BACKOFF, ADDRESS_BACKOFF, type BackoffPolicy, liveAttempts, signInRetryAfterMs } from "./sign-in-backoff";

const keysOf = (email: string, address: string): Array<{ key: string; policy: BackoffPolicy }> => [
  { key: `account:${normalizeEmail(email)}`, policy: ACCOUNT_BACKOFF },
  { key: `address:${address}`, policy: ADDRESS_BACKOFF },
];

/**
 * Counts a sign-in attempt for the account and for the client address before any
 * password is checked, or refuses it while either is backing off (a refused attempt is
 * not counted, and costs no hashing). Rows are locked in key order, so concurrent
 * attempts from many app processes count exactly.
 */
export async function claimSignInAttempt(options: { db: Db; email: string; address: string; now?: Date }): Promise<{ allowed: true } | { allowed: false; retryAfterMs: number }> {
  const now = options.now ?? new Date();
  const keys = keysOf(options.email, options.address).sort((a, b) => a.key.localeCompare(b.key));
  return options.db.$transaction(async (tx) => {
    const counts = [];
    for (const { key, policy } of keys) {
      await tx.$executeRaw`INSERT INTO sign_in_throttles (key, attempts, last_attempt_at) VALUES (${key}, 0, ${new Date(0)}) ON CONFLICT (key) DO NOTHING`;
      const [row] = await tx.$queryRaw<Array<{ attempts: number; last_attempt_at: Date }>>`SELECT attempts, last_attempt_at FROM sign_in_throttles WHERE key = ${key} FOR UPDATE`;
      const count = row ? { attempts: row.attempts, lastAttemptAt: row.last_attempt_at } : null;
      counts.push({ key, count, policy, waitMs: signInRetryAfterMs(count, now, policy) });
    }
    const retryAfterMs = Math.max(...counts.map((entry) => entry.waitMs));
    if (retryAfterMs > 0) return { allowed: false as const, retryAfterMs };
    for (const { key, count, policy } of counts) {
      await tx.signInThrottle.update({ where: { key }, data: { attempts: liveAttempts(count, now, policy) + 1, lastAttemptAt: now } });
    }
    return { allowed: true as const };
  });
}

/**
 * After a successful sign-in: the account starts afresh, and the address gets its
 * attempt back (colleagues behind one NAT signing in do not throttle each other).
 */
export async function settleSuccessfulSignIn(options: { db: Db; email: string; address: string }): Promise<void> {
  const [account, address] = keysOf(options.email, options.address);
  await options.db.$transaction([
    options.db.signInThrottle.deleteMany({ where: { key: account!.key } }),
    options.db.signInThrottle.updateMany({ where: { key: address!.key, attempts: { gt: 0 } }, data: { attempts: { decrement: 1 } } }),
  ]);
}
