import Decimal from "decimal.js";
import { toMinorUnits } from "~/server/billing/pricing/currency";
import type { DbOrTx } from "~/server/db/client";
import { listInvoices, type OdooClient, readOrderLines } from "~/server/odoo";
import { odooDate } from "~/server/odoo/odoo-date";
import type { SideEntry } from "./line-status";
import { matchOdooLine, type OdooAccount, type OdooLookup } from "./match-odoo-line";

/** What the hub knows about the Odoo ids the invoices mention. */
async function buildLookup(db: DbOrTx, odoo: OdooClient, saleLineIds: number[]): Promise<OdooLookup> {
  const [charges, plans, subscriptions, customers, orderLines] = await Promise.all([
    db.charge.findMany({ where: { odooProductId: { not: null } }, select: { odooProductId: true, billableMetric: { select: { code: true } } } }),
    db.plan.findMany({ where: { odooProductId: { not: null } }, select: { odooProductId: true, code: true, payInAdvance: true } }),
    db.subscription.findMany({ where: { odooOrderId: { not: null } }, select: { odooOrderId: true, service: { select: { code: true } }, accountLink: { select: { externalId: true } } } }),
    db.billingCustomer.findMany({
      where: { odooPartnerId: { not: null } },
      select: { odooPartnerId: true, accountLinks: { where: { subscriptions: { some: {} } }, select: { externalId: true, service: { select: { code: true } } } } },
    }),
    readOrderLines(odoo, [...new Set(saleLineIds)]),
  ]);
  const account = (serviceCode: string, customerKey: string): OdooAccount => ({ serviceCode, customerKey });
  return {
    metricCodeByProductId: new Map(charges.map((charge) => [charge.odooProductId!, charge.billableMetric.code])),
    planFeeByProductId: new Map(plans.map((plan) => [plan.odooProductId!, { planCode: plan.code, payInAdvance: plan.payInAdvance }])),
    orderIdBySaleLineId: new Map(orderLines.filter((line) => line.orderId !== null).map((line) => [line.id, line.orderId!])),
    accountByOrderId: new Map(subscriptions.map((s) => [s.odooOrderId!, account(s.service.code, s.accountLink.externalId)])),
    accountsByPartnerId: new Map(customers.map((c) => [c.odooPartnerId!, c.accountLinks.map((link) => account(link.service.code, link.externalId))])),
  };
}

/**
 * The Odoo side: usage and plan fee lines of posted customer invoices. Odoo's recurring
 * run invoices a period's usage, and a fee in arrears, on its end date (the hub pushes the
 * closing period's usage before next_invoice_date), so a period [start, end) is billed on
 * `end`: those lines count for invoices dated in (from, to]. A prepaid fee is invoiced
 * when its period opens: it counts for invoices dated in [from, to). Amounts
 * are the lines' subtotals in minor units, refunds negative. Units stay unknown: the
 * usage push writes quantity 1 × the period's amount. A usage line whose customer cannot
 * be told is kept (as `odoo-partner:<id>`) so it shows up as a diff instead of vanishing.
 */
export async function collectOdooEntries(options: { db: DbOrTx; odoo: OdooClient; from: Date; to: Date }): Promise<SideEntry[]> {
  const { from, to } = options;
  const invoices = (await listInvoices(options.odoo, { invoiceDateFrom: odooDate(from) })).filter(
    (invoice) => invoice.state === "posted" && invoice.invoiceDate !== null && invoice.invoiceDate >= odooDate(from) && invoice.invoiceDate <= odooDate(to),
  );
  const lookup = await buildLookup(options.db, options.odoo, invoices.flatMap((invoice) => invoice.lines.flatMap((line) => line.saleLineIds)));
  const entries: SideEntry[] = [];
  for (const invoice of invoices) {
    const sign = invoice.moveType === "out_refund" ? -1n : 1n;
    const currency = invoice.currency ?? "USD";
    for (const line of invoice.lines) {
      const match = matchOdooLine(line, invoice, lookup);
      if (!match.matched && match.reason === "not_a_usage_line") continue;
      const prepaid = line.productId !== null && lookup.planFeeByProductId.get(line.productId)?.payInAdvance === true;
      if (prepaid ? invoice.invoiceDate! >= odooDate(to) : invoice.invoiceDate! <= odooDate(from)) continue;
      entries.push({
        serviceCode: match.matched ? match.serviceCode : "",
        customerKey: match.matched ? match.customerKey : `odoo-partner:${invoice.partnerId}`,
        chargeKey: match.chargeKey,
        units: null,
        amountCents: sign * toMinorUnits(new Decimal(String(line.priceSubtotal)), currency),
        currency,
        raw: { invoice: invoice.name, invoiceId: invoice.id, invoiceDate: invoice.invoiceDate, moveType: invoice.moveType, partnerId: invoice.partnerId, match, line },
      });
    }
  }
  return entries;
}
