import type { BillingTime, PlanInterval } from "~/server/billing/billing-period";
import { type OdooDay, type OdooSimulator, startOdooSimulator } from "~/odoo-sim";
import { createBillableMetric } from "~/server/catalog/create-billable-metric";
import { createPlan } from "~/server/catalog/create-plan";
import { createDb, type Db } from "~/server/db/client";
import { upsertCustomer } from "~/server/identity/upsert-customer";
import { createOdooClient, type OdooClient } from "~/server/odoo";
import { createService } from "~/server/services/create-service";
import { createSubscription } from "~/server/subscriptions/create-subscription";
import { runUsagePush } from "~/server/usage-push/run-usage-push";
import { env } from "~/server/env";
import { odooDate } from "~/server/odoo/odoo-date";
import { pollOdooLifecycle, webhookSettings } from "~/server/webhooks";
import { ingestEvents } from "~/server/usage/ingest-events";
import { settleDueSubscriptions } from "~/server/subscriptions/settle-due-subscriptions";
import { createTestDatabase } from "./app-server";
import { uniqueCode } from "./fixtures";

export const HUB_ODOO_KEY = "lifecycle-odoo-key";
const HOUR = 3_600_000;
export const at = (day: string, hour = 0) => new Date(Date.parse(`${day}T00:00:00Z`) + hour * HOUR);
export const addDays = (day: string, days: number) => new Date(Date.parse(`${day}T00:00:00Z`) + days * 24 * HOUR).toISOString().slice(0, 10);

/** The Odoo a lifecycle bills through: the hub's client, its daily crons, and a customer paying an invoice. */
export interface OdooDriver {
  odoo: OdooClient;
  runCrons(today: string): Promise<OdooDay[]> | OdooDay[];
  pay(moveId: number): Promise<unknown>;
  close(): Promise<void>;
}

/**
 * A private database and an Odoo driven day by day: each day the hub's push runs before
 * and after Odoo's daily crons, as an hourly schedule would around them, and every invoice
 * with something to pay is paid the day it is issued unless its order is in `unpaidOrders`.
 */
export async function startLifecycleOn(options: { firstDay: string; driver: OdooDriver }) {
  const { driver } = options;
  const { odoo } = driver;
  const database = await createTestDatabase("nexa_lifecycle");
  const { db, close } = await createDb(database.url, { poolSize: 4 });
  const settings = webhookSettings(env());
  let today = options.firstDay;
  const push = (now: Date) => runUsagePush({ db, odoo, now, leadHours: 48, maxAttempts: 10 });
  /** Odoo orders whose customer does not pay; every other invoice with something to pay is paid the day it is issued. */
  const unpaidOrders = new Set<number>();
  return {
    db, odoo, unpaidOrders, pay: driver.pay,
    get today() { return today; },
    push,
    /**
     * Runs the days up to `lastDay` (inclusive): time's changes settled at 00:30 (as the
     * worker's drains do), push at 01:00, Odoo's daily crons, push at 03:00. With `dueOnly`
     * it runs only the days on which something is due (nextDueDay), the rest being days
     * on which neither Odoo's crons nor the hub would change anything.
     */
    async runUntil(lastDay: string, options: { dueOnly?: boolean } = {}) {
      for (; today <= lastDay; today = options.dueOnly ? await nextDueDay(db, odoo, today) : addDays(today, 1)) {
        await settleDueSubscriptions({ db, now: new Date(at(today).getTime() + HOUR / 2) });
        await push(at(today, 1));
        for (const day of await driver.runCrons(today)) {
          for (const invoiced of day.invoiced) {
            // An invoice of nothing is paid as posted: Odoo's payment wizard refuses it.
            if (invoiced.move_id !== null && invoiced.amount_total > 0 && !unpaidOrders.has(invoiced.order_id)) await driver.pay(invoiced.move_id);
          }
        }
        await pollOdooLifecycle({ db, odoo, settings, now: at(today, 2) });
        await push(at(today, 3));
      }
    },
    stop: async () => {
      await close();
      await driver.close();
      await database.drop();
    },
  };
}

/**
 * The first day after `today` on which something is due: an Odoo order of the hub's in
 * progress reaching its next_invoice_date (the recurring cron invoices it) or passing its
 * end_date (the expiration cron closes it), or a subscription without an order yet
 * starting (the push creates it). On the days between Odoo's crons find nothing to do:
 * every invoice is paid the day it is issued, so no unpaid or late closing falls there.
 * The hub's own changes on those days (a termination, a downgrade) reach Odoo at the
 * next day's push, before its crons, as at any earlier push.
 */
async function nextDueDay(db: Db, odoo: OdooClient, today: string): Promise<string> {
  const tomorrow = addDays(today, 1);
  const subscriptions = await db.subscription.findMany({ select: { odooOrderId: true, subscriptionAt: true } });
  const ids = subscriptions.flatMap((s) => (s.odooOrderId === null ? [] : [s.odooOrderId]));
  const orders = ids.length === 0 ? [] : await odoo.call<Array<{ next_invoice_date: string | false; end_date: string | false }>>("sale.order", "search_read", {
    domain: [["id", "in", ids], ["subscription_state", "=", "3_progress"]], fields: ["next_invoice_date", "end_date"],
  });
  const days = [
    ...orders.flatMap((o) => [o.next_invoice_date || null, o.end_date ? addDays(o.end_date, 1) : null]),
    ...subscriptions.flatMap((s) => (s.odooOrderId === null ? [odooDate(s.subscriptionAt)] : [])),
  ].filter((day): day is string => day !== null && day >= tomorrow);
  return days.length ? days.sort()[0]! : "9999-12-31";
}

/** startLifecycleOn the simulator, in-process, in CAD. */
export async function startLifecycle(options: { firstDay: string }) {
  const odooSim: OdooSimulator = await startOdooSimulator({ apiKey: HUB_ODOO_KEY, today: options.firstDay, activeCurrencies: ["CAD"] });
  const odoo: OdooClient = createOdooClient({ baseUrl: odooSim.url, apiKey: HUB_ODOO_KEY, protocol: "json2", retry: { baseDelayMs: 1 } });
  const pay = (moveId: number, paymentState = "paid") =>
    fetch(`${odooSim.url}/__sim/payment`, { method: "POST", body: JSON.stringify({ move_id: moveId, payment_state: paymentState }) }).then((r) => r.json());
  const life = await startLifecycleOn({ firstDay: options.firstDay, driver: { odoo, runCrons: (today) => odooSim.runCrons(today), pay, close: () => odooSim.close() } });
  return Object.assign(life, { odooSim });
}
export type Lifecycle = Awaited<ReturnType<typeof startLifecycle>>;

/** A service, with a webhook endpoint so Odoo's lifecycle reaches its outbox, a sum metric "units" at `unitPrice` per unit, a plan in `currency` (CAD unless told), monthly unless told, and one subscription on it (calendar unless told). */
export async function subscribe(db: Db, options: {
  subscriptionAt: Date; feeCents: bigint; payInAdvance: boolean; unitPrice: string; interval?: PlanInterval; billingTime?: BillingTime; currency?: string;
}) {
  const code = uniqueCode("svc");
  const { service } = await createService({ db, code, name: code });
  await db.service.update({ where: { id: service.id }, data: { webhookUrl: `https://${code}.example.test/webhooks` } });
  const metricCode = uniqueCode("units");
  const planCode = uniqueCode("plan");
  await createBillableMetric({ db, input: { code: metricCode, name: "Units", aggregationType: "sum_agg", fieldName: "units" } });
  await createPlan({ db, input: { code: planCode, name: "Plan", interval: options.interval ?? "monthly", amountCents: options.feeCents, amountCurrency: options.currency ?? "CAD", payInAdvance: options.payInAdvance, charges: [
    { billableMetricCode: metricCode, chargeModel: "standard", properties: { amount: options.unitPrice } },
  ] } });
  const customer = uniqueCode("cust");
  await upsertCustomer({ db, serviceId: service.id, externalId: customer, fields: {} });
  const externalId = uniqueCode("sub");
  await createSubscription({ db, serviceId: service.id, input: { externalCustomerId: customer, planCode, externalId, subscriptionAt: options.subscriptionAt, billingTime: options.billingTime }, now: options.subscriptionAt });
  let sequence = 0;
  const sub = {
    serviceId: service.id, externalId, customerExternalId: customer, planCode, metricCode, orderRef: `nexa:${code}:${externalId}`,
    /** Sends `units` at `timestamp`, as received at `receivedAt` (default: at the timestamp). */
    trySend: async (units: number, timestamp: Date, receivedAt = timestamp) => {
      const result = await ingestEvents({ db, serviceId: service.id, maxAgeDays: 400, receivedAt, events: [
        { transactionId: `${externalId}-${sequence++}`, externalSubscriptionId: externalId, code: metricCode, timestamp: timestamp.getTime() / 1000, properties: { units } },
      ] });
      return result.ok ? { ok: true as const } : { ok: false as const, errors: Object.fromEntries(result.errors) };
    },
    /** trySend that must be accepted. */
    send: async (units: number, timestamp: Date, receivedAt = timestamp) => {
      const result = await sub.trySend(units, timestamp, receivedAt);
      if (!result.ok) throw new Error(`event refused: ${JSON.stringify(result.errors)}`);
    },
  };
  return sub;
}

export interface InvoiceView { date: string; lines: string[] }

/** The order's posted invoices, oldest first: each line as "fee|usage <qty × price> <start>..<end>" or "late <amount> for <period start>". */
export async function invoicesOf(odoo: OdooClient, orderRef: string): Promise<{ order: Record<string, any>; invoices: InvoiceView[]; lines: Array<Record<string, any>> }> {
  const [order] = await odoo.call<Array<Record<string, any>>>("sale.order", "search_read", {
    domain: [["client_order_ref", "=", orderRef]], fields: ["id", "name", "subscription_state", "next_invoice_date", "end_date", "order_line", "require_payment"],
  });
  if (!order) throw new Error(`no Odoo order ${orderRef}`);
  const moves = await odoo.call<Array<{ id: number; invoice_date: string; state: string; invoice_line_ids: number[] }>>("account.move", "search_read", {
    domain: [["invoice_origin", "=", order.name], ["move_type", "=", "out_invoice"], ["state", "=", "posted"]], fields: ["invoice_date", "state", "invoice_line_ids"], order: "id",
  });
  // The invoice's own lines, not the tax and receivable lines a real Odoo journal entry also holds.
  const invoiceLines = await odoo.call<Array<Record<string, any>>>("account.move.line", "read", {
    ids: moves.flatMap((m) => m.invoice_line_ids), fields: ["move_id", "name", "quantity", "price_unit", "deferred_start_date", "deferred_end_date"],
  });
  const lines = await odoo.call<Array<Record<string, any>>>("sale.order.line", "read", { ids: order.order_line, fields: ["name", "qty_delivered", "product_uom_qty", "price_unit"] });
  return {
    order,
    lines,
    invoices: moves.map((move) => ({
      date: move.invoice_date,
      lines: invoiceLines
        .filter((line) => line.move_id[0] === move.id)
        .map((line) => {
          const first = String(line.name).split("\n")[0]!;
          const amount = +(line.quantity * line.price_unit).toFixed(2);
          // A late-usage line names its period in its text; Odoo's service dates for it mean nothing.
          if (first.includes(" late usage [")) return `late ${amount} for ${/\((\d{4}-\d{2}-\d{2}) to/.exec(String(line.name))?.[1]}`;
          return `${first.includes(" usage [") ? "usage" : "fee"} ${amount} ${line.deferred_start_date}..${line.deferred_end_date}`;
        })
        .sort(),
    })),
  };
}

export interface CreditNoteView { date: string; state: string; paymentState: string; lines: string[]; reversed: { paymentState: string; residual: number } | null }

/** The order's credit notes, oldest first: each line as "<subtotal> <first line of its text>", with the state of the invoice it reverses. */
export async function creditNotesOf(odoo: OdooClient, orderRef: string): Promise<CreditNoteView[]> {
  const [order] = await odoo.call<Array<{ name: string }>>("sale.order", "search_read", { domain: [["client_order_ref", "=", orderRef]], fields: ["name"] });
  if (!order) throw new Error(`no Odoo order ${orderRef}`);
  const notes = await odoo.call<Array<Record<string, any>>>("account.move", "search_read", {
    domain: [["invoice_origin", "=", order.name], ["move_type", "=", "out_refund"]], fields: ["invoice_date", "state", "payment_state", "reversed_entry_id", "invoice_line_ids"], order: "id",
  });
  const lines = await odoo.call<Array<Record<string, any>>>("account.move.line", "read", { ids: notes.flatMap((n) => n.invoice_line_ids), fields: ["move_id", "name", "price_subtotal"] });
  const reversedIds = notes.flatMap((n) => (n.reversed_entry_id ? [n.reversed_entry_id[0] as number] : []));
  const reversed = await odoo.call<Array<Record<string, any>>>("account.move", "read", { ids: reversedIds, fields: ["payment_state", "amount_residual"] });
  return notes.map((note) => {
    const invoice = note.reversed_entry_id ? reversed.find((r) => r.id === note.reversed_entry_id[0]) : undefined;
    return {
      date: note.invoice_date, state: note.state, paymentState: note.payment_state,
      lines: lines.filter((line) => line.move_id[0] === note.id).map((line) => `${line.price_subtotal} ${String(line.name).split("\n")[0]}`),
      reversed: invoice ? { paymentState: invoice.payment_state, residual: invoice.amount_residual } : null,
    };
  });
}

/** What one push run warned ops about for this subscription (a planning outcome's warning). */
export function pushWarningsOf(run: Awaited<ReturnType<Lifecycle["push"]>>, sub: { externalId: string }): string[] {
  if (typeof run.planning === "string") throw new Error(run.planning);
  return run.planning.filter((outcome) => outcome.subscription.includes(sub.externalId)).flatMap((outcome) => (outcome.warning ? [outcome.warning] : []));
}
