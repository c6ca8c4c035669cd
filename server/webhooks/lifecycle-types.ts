/** The normalized lifecycle stream: what the Odoo webhook and the poller both produce. */
import type { OdooInvoice, OdooTax } from "~/server/odoo";

export const WATCHED_MODELS = ["account.move", "sale.order"] as const;
export type WatchedModel = (typeof WATCHED_MODELS)[number];

export type LifecycleKind =
  | "invoice_created" | "payment_succeeded" | "payment_failed" | "payment_overdue" | "credit_note_created" | "subscription_terminated" | "subscription_reopened";

export type WebhookType =
  | "invoice.created" | "invoice.payment_status_updated" | "invoice.payment_failure" | "invoice.payment_overdue" | "credit_note.created"
  | "subscription.terminated" | "subscription.started";

/** What one read of an Odoo record says; stored as the event's snapshot. */
export interface OdooObservation {
  model: WatchedModel;
  id: number;
  /**
   * account.move: an invoice's payment_state, marked while owed past its due date
   * (invoiceLifecycleState), or CREDIT_NOTE_STATE for a posted credit note; sale.order: subscription_state.
   */
  state: string;
  partnerId: number | null;
  /** The sale.order ids the record concerns (the order itself, or the orders an invoice bills). */
  orderIds: number[];
  /** account.move only: the invoice as read, with the order each of its sale lines belongs to. */
  invoice?: OdooInvoice & { orderOfSaleLine: Array<[saleLineId: number, orderId: number]>; taxes: OdooTax[] };
  /** sale.order only. */
  order?: { name: string; endDate: string | null; closeReason?: string | null };
}

export type LifecycleSource = "webhook" | "poll";
