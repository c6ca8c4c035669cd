import type { Response } from "undici";
import type { Db } from "~/server/db/client";
import { guardedFetch, OutboundUrlError } from "~/server/lib/guarded-fetch";
import type { OutboundPolicy } from "~/server/lib/outbound-url";
import type { ClaimedDelivery } from "./claim-deliveries";
import { planRetry } from "./plan-retry";
import { type JwtSigner, signWebhook } from "./sign-webhook";

export const RESPONSE_EXCERPT_BYTES = 1024;

export type DeliveryOutcome = "delivered" | "retrying" | "dead";

// Reads at most `limit` bytes: a receiver answering with a huge page must not fill the log.
async function readExcerpt(response: Response, limit: number): Promise<string> {
  if (!response.body) return "";
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  while (size < limit) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    size += value.byteLength;
  }
  await reader.cancel().catch(() => undefined);
  // stream: true drops a character cut in half at the limit instead of adding U+FFFD.
  return new TextDecoder().decode(Buffer.concat(chunks).subarray(0, limit), { stream: true });
}

function describeError(error: unknown, timeoutMs: number): string {
  if (error instanceof OutboundUrlError) return `refused by the address guard: ${error.message}`;
  if (error instanceof Error && (error.name === "TimeoutError" || error.name === "AbortError")) return `timeout after ${timeoutMs} ms`;
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  return `network error: ${cause?.code ?? cause?.message ?? (error as Error).message}`.slice(0, RESPONSE_EXCERPT_BYTES);
}

/**
 * POSTs one claimed delivery, logs the attempt (status, latency, ≤ 1 KB of the answer,
 * error) and settles it: delivered on 2xx, otherwise retried with backoff or, past its
 * retry window, dead-lettered. Redirects are not followed: a receiver must answer itself.
 * The signature uses the wall clock even when `now` is simulated: receivers compare it
 * with theirs.
 */
export async function deliverWebhook(options: {
  db: Db;
  delivery: ClaimedDelivery;
  now: Date;
  timeoutMs: number;
  /** Where the address guard lets the POST go (WebhookSettings.urlPolicy). */
  urlPolicy: OutboundPolicy;
  /** The RS256 key and issuer of `jwt` signatures, built only when a jwt service is sent to. */
  jwt: () => JwtSigner;
  random?: () => number;
}): Promise<DeliveryOutcome> {
  const { db, delivery, now, timeoutMs } = options;
  const body = JSON.stringify(delivery.payload);
  const started = performance.now();
  let status: number | null = null;
  let excerpt: string | null = null;
  let error: string | null = null;
  const headers = await signWebhook({
    body,
    secret: delivery.service.webhookSecret,
    uniqueKey: delivery.id,
    timestamp: Math.floor(Date.now() / 1000),
    algorithm: delivery.service.webhookSignature,
    jwt: options.jwt,
  }).catch((caught: unknown) => {
    // A misconfigured signing key is ops' to fix; the delivery keeps retrying meanwhile.
    error = `cannot sign the webhook: ${caught instanceof Error ? caught.message : String(caught)}`;
    return null;
  });
  if (!delivery.service.webhookUrl) {
    error = "the service has no webhook URL";
  } else if (headers) {
    try {
      const response = await guardedFetch(delivery.service.webhookUrl, { method: "POST", headers, body, signal: AbortSignal.timeout(timeoutMs) }, { policy: options.urlPolicy });
      status = response.status;
      excerpt = await readExcerpt(response, RESPONSE_EXCERPT_BYTES);
    } catch (caught) {
      error = describeError(caught, timeoutMs);
    }
  }
  const latencyMs = Math.round(performance.now() - started);
  const attempts = delivery.attempts + 1;
  const ok = status !== null && status >= 200 && status < 300;
  const plan = ok ? null : planRetry({ attempts, now, retryUntil: delivery.retryUntil, random: (options.random ?? Math.random)() });
  const outcome: DeliveryOutcome = ok ? "delivered" : plan!.state === "dead" ? "dead" : "retrying";
  await db.$transaction([
    // Stamped with the drain's clock, like deliveredAt/deadAt, so the log lines up with them.
    db.webhookAttempt.create({ data: { deliveryId: delivery.id, number: attempts, status, latencyMs, responseExcerpt: excerpt, error, createdAt: now } }),
    db.webhookDelivery.update({
      where: { id: delivery.id },
      data: {
        attempts,
        lastStatus: status,
        lastError: ok ? null : (error ?? `HTTP ${status}`),
        state: outcome === "retrying" ? "pending" : outcome,
        ...(outcome === "delivered" ? { deliveredAt: now } : {}),
        ...(outcome === "dead" ? { deadAt: now } : {}),
        ...(plan?.state === "pending" ? { nextRunAt: plan.nextRunAt } : {}),
      },
    }),
  ]);
  return outcome;
}
