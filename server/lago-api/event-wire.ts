import { z } from "zod";
import type { RawEvent } from "~/server/usage/prepare-events";
import { isoMillis, isoSeconds, requiredString } from "./wire-common";

export const eventInputSchema = z.object({
  transaction_id: requiredString(255),
  external_subscription_id: requiredString(255),
  code: requiredString(255),
  // Parsed by the usage domain, which knows Lago's accepted forms.
  timestamp: z.unknown().optional(),
  properties: z.unknown().optional(),
});

export const rawEventFromWire = (input: z.infer<typeof eventInputSchema>): RawEvent => ({
  transactionId: input.transaction_id,
  externalSubscriptionId: input.external_subscription_id,
  code: input.code,
  timestamp: input.timestamp,
  properties: input.properties,
});

export function serializeEvent(event: {
  id: string;
  transactionId: string;
  code: string;
  timestamp: Date;
  properties: unknown;
  subscriptionId: string;
  createdAt: Date;
  externalSubscriptionId: string;
  lagoCustomerId: string;
}) {
  return {
    lago_id: event.id,
    transaction_id: event.transactionId,
    lago_customer_id: event.lagoCustomerId,
    code: event.code,
    timestamp: isoMillis(event.timestamp),
    precise_total_amount_cents: null,
    properties: event.properties,
    lago_subscription_id: event.subscriptionId,
    external_subscription_id: event.externalSubscriptionId,
    created_at: isoSeconds(event.createdAt),
  };
}
