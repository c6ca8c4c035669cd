import { metricCodeOfUsageLine } from "~/server/odoo/usage-line-text";
import { feeChargeKey } from "./line-status";

/** What the hub knows about Odoo ids, gathered once per run (see collect-odoo-entries.ts). */
export interface OdooLookup {
  /** Charge.odooProductId → metric code. */
  metricCodeByProductId: ReadonlyMap<number, string>;
  /** Plan.odooProductId → the plan's code and whether its fee is billed in advance. */
  planFeeByProductId: ReadonlyMap<number, { planCode: string; payInAdvance: boolean }>;
  /** sale.order.line id → sale.order id, read from Odoo for the lines the invoices cite. */
  orderIdBySaleLineId: ReadonlyMap<number, number>;
  /** Subscription.odooOrderId → the hub subscription's service and customer. */
  accountByOrderId: ReadonlyMap<number, OdooAccount>;
  /** BillingCustomer.odooPartnerId → its app accounts (one per service). */
  accountsByPartnerId: ReadonlyMap<number, readonly OdooAccount[]>;
}

export interface OdooAccount {
  serviceCode: string;
  customerKey: string;
}

export type OdooLineMatch =
  | { matched: true; serviceCode: string; customerKey: string; chargeKey: string; via: { charge: "product" | "name" | "plan_fee"; customer: "order" | "partner" } }
  | { matched: false; reason: "not_a_usage_line" }
  | { matched: false; reason: "unknown_customer" | "ambiguous_customer"; chargeKey: string };

/**
 * Maps one Odoo invoice line to (service, customer, charge).
 * Charge: the line's product (Charge.odooProductId) first, because it survives a
 * renamed line; else the `[metric code]` at the end of the line's name. A plan's fee
 * product (Plan.odooProductId) is that plan's subscription fee (feeChargeKey). A line
 * with none of these (a manual line) is not the hub's and is left out.
 * Customer: the order the line came from (sale_line_ids → order → Subscription.odooOrderId);
 * else the invoice's partner (BillingCustomer.odooPartnerId), which is only usable when
 * the partner has exactly one account that charges — otherwise ambiguous.
 */
export function matchOdooLine(
  line: { productId: number | null; name: string | null; saleLineIds: readonly number[] },
  invoice: { partnerId: number | null },
  lookup: OdooLookup,
): OdooLineMatch {
  const byProduct = line.productId === null ? undefined : lookup.metricCodeByProductId.get(line.productId);
  const fee = line.productId === null ? undefined : lookup.planFeeByProductId.get(line.productId);
  const byName = line.name ? metricCodeOfUsageLine(line.name) : undefined;
  const chargeKey = byProduct ?? (fee && feeChargeKey(fee.planCode)) ?? byName;
  if (!chargeKey) return { matched: false, reason: "not_a_usage_line" };
  const charge = byProduct ? "product" : fee ? "plan_fee" : "name";

  for (const saleLineId of line.saleLineIds) {
    const orderId = lookup.orderIdBySaleLineId.get(saleLineId);
    const account = orderId === undefined ? undefined : lookup.accountByOrderId.get(orderId);
    if (account) return { matched: true, ...account, chargeKey, via: { charge, customer: "order" } };
  }
  const accounts = invoice.partnerId === null ? [] : (lookup.accountsByPartnerId.get(invoice.partnerId) ?? []);
  if (accounts.length === 0) return { matched: false, reason: "unknown_customer", chargeKey };
  if (accounts.length > 1) return { matched: false, reason: "ambiguous_customer", chargeKey };
  return { matched: true, ...accounts[0]!, chargeKey, via: { charge, customer: "partner" } };
}
