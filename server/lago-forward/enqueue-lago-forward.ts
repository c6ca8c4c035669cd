import type { DbOrTx } from "~/server/db/client";

/** A write as Lago must receive it: the app's own ids, so Lago sees the same objects. */
export interface LagoForwardDraft {
  serviceId: string;
  /** The account link the write concerns; one customer's forwards keep their order. */
  customerKey: string;
  method: "POST" | "PUT" | "DELETE";
  path: string;
  body?: unknown;
}

/**
 * Records, in the caller's transaction, that Lago must see this write — only while the
 * service is in shadow mode, which is read in that same transaction: a write committed
 * while the service is shadow is forwarded, one committed after a cutover is not. The
 * lago-forward drain sends it (drainLagoForwards). While a cutover is scheduled, a
 * subscription created or updated in Lago ends at the cutover at the latest, as the ones
 * scheduleCutover ended do: after it Odoo bills them. Returns whether a forward was written.
 */
export async function enqueueLagoForward(db: DbOrTx, draft: LagoForwardDraft): Promise<boolean> {
  const body = draft.body === undefined ? null : JSON.stringify(draft.body);
  const written = await db.$executeRaw`
    INSERT INTO lago_forwards (id, service_id, customer_key, method, path, body, updated_at)
    SELECT gen_random_uuid(), id, ${draft.customerKey}, ${draft.method}, ${draft.path},
      CASE WHEN cutover_at IS NOT NULL AND ${draft.method} IN ('POST', 'PUT') AND ${draft.path} LIKE '/subscriptions%'
             AND jsonb_typeof(${body}::jsonb -> 'subscription') = 'object'
             AND (${body}::jsonb #>> '{subscription,ending_at}' IS NULL OR (${body}::jsonb #>> '{subscription,ending_at}')::timestamptz > cutover_at)
        THEN jsonb_set(${body}::jsonb, '{subscription,ending_at}', to_jsonb(to_char(cutover_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')))
        ELSE ${body}::jsonb END,
      now()
    FROM services WHERE id = ${draft.serviceId}::uuid AND billing_mode = 'shadow'`;
  return written > 0;
}
