import type { LagoAnswer } from "~/server/lago-client/send-lago-request";

/** What a forward's answer from Lago means for it. */
export type ForwardVerdict =
  | { kind: "delivered" }
  /** Lago's rate limit: send again after the wait, not counted as an attempt. */
  | { kind: "rate-limited"; waitMs: number }
  /** Some of a batch's events were in Lago already (a resend): send the others at once. */
  | { kind: "resend"; body: { events: unknown[] } }
  | { kind: "failed" };

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);

/** `{"transaction_id":["value_already_exist"]}` and nothing else: Lago has this event. */
const onlyTakenTransactionId = (fields: unknown) =>
  isRecord(fields) && Object.keys(fields).length === 1 && Array.isArray(fields.transaction_id) && fields.transaction_id.every((code) => code === "value_already_exist");

/**
 * Pure reading of Lago's answer to a forward. A resend after a drainer died mid-request
 * meets Lago's own idempotency: an event whose transaction_id Lago stored answers 422
 * `value_already_exist` (delivered); a batch is all or nothing in Lago, so one refused only
 * for ids it has is sent again without them. A customer upsert, a subscription create with
 * the same plan and a PUT are idempotent in Lago already (2xx); a DELETE of a subscription
 * Lago no longer has live answers 404, the state the forward wanted.
 */
export function classifyLagoAnswer(forward: { method: string; path: string; body: unknown }, answer: LagoAnswer): ForwardVerdict {
  if (answer.status >= 200 && answer.status < 300) return { kind: "delivered" };
  if (answer.status === 429) return { kind: "rate-limited", waitMs: answer.retryAfterMs ?? 1000 };
  if (forward.method === "DELETE" && answer.status === 404 && forward.path.startsWith("/subscriptions/")) return { kind: "delivered" };
  if (answer.status !== 422 || !isRecord(answer.body) || !isRecord(answer.body.error_details)) return { kind: "failed" };
  const details = answer.body.error_details;
  if (forward.path === "/events") return onlyTakenTransactionId(details) ? { kind: "delivered" } : { kind: "failed" };
  if (forward.path === "/events/batch" && isRecord(forward.body) && Array.isArray(forward.body.events)) {
    const entries = Object.entries(details);
    if (!entries.length || !entries.every(([index, fields]) => /^\d+$/.test(index) && onlyTakenTransactionId(fields))) return { kind: "failed" };
    const taken = new Set(entries.map(([index]) => Number(index)));
    const rest = forward.body.events.filter((_, index) => !taken.has(index));
    return rest.length ? { kind: "resend", body: { events: rest } } : { kind: "delivered" };
  }
  return { kind: "failed" };
}
