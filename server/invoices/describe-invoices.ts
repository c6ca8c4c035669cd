import type { DbOrTx } from "~/server/db/client";
import type { InvoiceForWire } from "./invoice-view";
import { type OdooClient, type OdooInvoice, readOrderLines, readTaxes } from "~/server/odoo";
import { odooDate } from "~/server/odoo/odoo-date";
import { assembleInvoice, type UsageUnits, usageUnitsKey } from "./assemble-invoice";
import type { InvoiceScope } from "./invoice-scope";

/** Sale line → order, for the invoices' lines (one Odoo read). */
export async function readOrderOfSaleLines(odoo: OdooClient, invoices: OdooInvoice[]): Promise<Map<number, number>> {
  const saleLineIds = [...new Set(invoices.flatMap((invoice) => invoice.lines.flatMap((line) => line.saleLineIds)))];
  const lines = await readOrderLines(odoo, saleLineIds);
  return new Map(lines.flatMap((line) => (line.orderId === null ? [] : [[line.id, line.orderId] as const])));
}

/** The units the usage push priced for the periods on these sale lines (its job records). */
export async function readUsageUnits(db: DbOrTx, invoices: OdooInvoice[]): Promise<UsageUnits> {
  const saleLineIds = [...new Set(invoices.flatMap((invoice) => invoice.lines.flatMap((line) => line.saleLineIds)))];
  if (!saleLineIds.length) return new Map();
  const jobs = await db.job.findMany({
    where: { kind: "usage_push", odooOrderLineId: { in: saleLineIds }, units: { not: null } },
    select: { odooOrderLineId: true, metricCode: true, periodStart: true, units: true },
  });
  return new Map(jobs.map((job) => [usageUnitsKey(job.odooOrderLineId!, job.metricCode!, odooDate(job.periodStart!)), job.units!]));
}

/** The invoices as a service's key sees them; one that bills none of its subscriptions is left out. */
export async function describeInvoices(options: { db: DbOrTx; odoo: OdooClient; invoices: OdooInvoice[]; scope: InvoiceScope }): Promise<InvoiceForWire[]> {
  const { db, odoo, invoices, scope } = options;
  const [orderOfSaleLine, usageUnits, taxes] = await Promise.all([
    readOrderOfSaleLines(odoo, invoices),
    readUsageUnits(db, invoices),
    readTaxes(odoo, invoices.flatMap((invoice) => invoice.lines.flatMap((line) => line.taxIds))),
  ]);
  return invoices.flatMap((invoice) => {
    const orderIds = new Set(invoice.lines.flatMap((line) => line.saleLineIds.map((id) => orderOfSaleLine.get(id))));
    const subscriptions = [...orderIds].flatMap((id) => (id === undefined ? [] : (scope.subscriptionsByOrder.get(id) ?? [])));
    const customer = subscriptions[0]?.accountLink;
    return customer ? [assembleInvoice({ invoice, customer, subscriptions, orderOfSaleLine, usageUnits, taxes })] : [];
  });
}
