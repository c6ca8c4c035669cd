import type { AccountLink } from "~/generated/prisma/client";
import { recordUuid } from "~/server/lib/uuid";
import type { OdooInvoice, OdooInvoiceLine, OdooTax } from "~/server/odoo";
import type { SubscriptionWithPlanCharges } from "~/server/subscriptions/subscription-input";

/** One `lago_id` per Odoo move, the same in the API and in webhooks; recordIdOfUuid reads the move back. */
export const INVOICE_UUID_KIND = "odoo:account.move";
export const invoiceLagoId = (odooMoveId: number) => recordUuid(INVOICE_UUID_KIND, odooMoveId);

/** One invoice line with what the hub knows about it. */
export interface InvoiceLineForWire {
  line: OdooInvoiceLine;
  /** The line's taxes, as Odoo defines them (HST 13 %, …). */
  taxes: OdooTax[];
  /** The hub subscription whose Odoo order the line bills. */
  subscription: SubscriptionWithPlanCharges | null;
  /** A usage line: its metric, period (inclusive days) and the units the hub priced (null when no period record matches). */
  usage: { metricCode: string; firstDay: string | null; lastDay: string | null; units: string | null } | null;
}

export interface InvoiceForWire {
  invoice: OdooInvoice;
  lines: InvoiceLineForWire[];
  customer: AccountLink;
  subscriptions: SubscriptionWithPlanCharges[];
  /** The hub's download URL once POST /invoices/{id}/download asked for it. */
  fileUrl?: string | null;
}

