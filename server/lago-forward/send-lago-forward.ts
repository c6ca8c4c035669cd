import type { Prisma } from "~/generated/prisma/client";
import type { Db } from "~/server/db/client";
import { sendLagoRequest } from "~/server/lago-client/send-lago-request";
import { type Backoff, backoffDelayMs, EQUAL_JITTER } from "~/server/lib/backoff";
import { serviceLagoConnection } from "~/server/services/service-lago-connection";
import { classifyLagoAnswer } from "./classify-lago-answer";
import type { ClaimedLagoForward } from "./claim-lago-forwards";

/** 30 s doubling to an hour, equal jitter: a Lago down for hours is not hammered when it returns. */
export const LAGO_FORWARD_BACKOFF: Backoff = { baseMs: 30_000, maxMs: 60 * 60_000, jitter: EQUAL_JITTER };

export type ForwardOutcome = "delivered" | "retrying" | "dead";

/** Lago's refusal as it came, for the dead letter: its body verbatim (text kept as text). */
const verbatim = (body: unknown) => (typeof body === "string" ? body : JSON.stringify(body));

/**
 * Sends one claimed forward and settles it. Every settle is conditioned on this drainer
 * still holding the lease, so a drainer that outlived its lease cannot overwrite the
 * outcome of the one that took the row over.
 */
export async function sendLagoForward(options: {
  db: Db;
  forward: ClaimedLagoForward;
  owner: string;
  sealingKey: Buffer;
  maxAttempts: number;
  now: Date;
  timeoutMs?: number;
  random?: () => number;
}): Promise<ForwardOutcome> {
  const { db, forward, owner, now } = options;
  const settle = (data: Parameters<Db["lagoForward"]["updateMany"]>[0]["data"]) =>
    db.lagoForward.updateMany({ where: { id: forward.id, leaseOwner: owner }, data: { ...data, leaseOwner: null, leaseUntil: null } });
  const connection = serviceLagoConnection(forward.service, options.sealingKey);
  let failure: { status: number | null; error: string };
  if (!connection) {
    failure = { status: null, error: "no Lago connection: the service has no Lago URL and key, or its key was sealed with another NEXTAUTH_SECRET" };
  } else {
    try {
      const answer = await sendLagoRequest({ ...connection, timeoutMs: options.timeoutMs }, forward.method as "POST" | "PUT" | "DELETE", forward.path, forward.body ?? undefined);
      const verdict = classifyLagoAnswer(forward, answer);
      if (verdict.kind === "delivered") {
        await settle({ status: "delivered", deliveredAt: now, lastStatus: answer.status, lastError: null });
        return "delivered";
      }
      if (verdict.kind === "rate-limited") {
        await settle({ nextAttemptAt: new Date(now.getTime() + verdict.waitMs), lastStatus: 429, lastError: verbatim(answer.body) });
        return "retrying";
      }
      if (verdict.kind === "resend") {
        await settle({ body: verdict.body as Prisma.InputJsonObject, nextAttemptAt: now });
        return "retrying";
      }
      failure = { status: answer.status, error: verbatim(answer.body) };
    } catch (error) {
      failure = { status: null, error: error instanceof Error ? `${error.name}: ${error.message}` : String(error) };
    }
  }
  const attempts = forward.attempts + 1;
  const dead = attempts >= options.maxAttempts;
  const delayMs = backoffDelayMs(attempts, LAGO_FORWARD_BACKOFF, (options.random ?? Math.random)());
  await settle({
    attempts,
    lastStatus: failure.status,
    lastError: failure.error,
    ...(dead ? { status: "dead" } : { nextAttemptAt: new Date(now.getTime() + delayMs) }),
  });
  return dead ? "dead" : "retrying";
}
