import { type InvoicedServicePeriod, listInvoicedServicePeriods, listOrderLines, type OdooClient, type OdooOrderLine, type OdooSubscription, readSubscriptions } from "~/server/odoo";

/** One Odoo order as the push needs it: the order, its lines by id, and what Odoo has invoiced from them. */
export interface OrderSnapshot {
  order: OdooSubscription;
  lines: Map<number, OdooOrderLine>;
  invoiced: InvoicedServicePeriod[];
}

/** Orders by id, read once per run and kept current by the run's own writes. */
export type PushSnapshot = Map<number, OrderSnapshot>;

/**
 * Reads many orders with three batched calls (orders, their lines, the invoice lines
 * billed from those lines since `invoicedSince`) instead of a round of reads per job.
 */
export async function readPushSnapshot(odoo: OdooClient, orderIds: number[], invoicedSince: string): Promise<PushSnapshot> {
  const snapshot: PushSnapshot = new Map();
  const orders = orderIds.length ? await readSubscriptions(odoo, [...new Set(orderIds)]) : [];
  if (!orders.length) return snapshot;
  const lines = await listOrderLines(odoo, orders.map((order) => order.id));
  const invoiced = lines.length ? await listInvoicedServicePeriods(odoo, lines.map((line) => line.id), invoicedSince) : [];
  for (const order of orders) snapshot.set(order.id, { order, lines: new Map(), invoiced: [] });
  for (const line of lines) if (line.orderId !== null) snapshot.get(line.orderId)?.lines.set(line.id, line);
  const orderOfLine = new Map(lines.map((line) => [line.id, line.orderId]));
  for (const period of invoiced) {
    const orderIdsOfPeriod = new Set(period.saleLineIds.map((id) => orderOfLine.get(id)));
    for (const orderId of orderIdsOfPeriod) if (orderId != null) snapshot.get(orderId)?.invoiced.push(period);
  }
  return snapshot;
}

/** Keeps a snapshot's line in step with a write the run just made. */
export function noteLineWrite(entry: OrderSnapshot | undefined, lineId: number, values: Partial<Pick<OdooOrderLine, "qtyDelivered" | "priceUnit" | "name" | "productUomQty">>): void {
  const line = entry?.lines.get(lineId);
  if (line) entry!.lines.set(lineId, { ...line, ...values });
}
