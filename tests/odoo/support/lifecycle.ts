import { expect } from "vitest";
import type { SubscriptionCron } from "~/odoo-sim";
import type { ContractPeer } from "./peers";
import { unique } from "./peers";

/*
 * Drives one subscription through its life on a peer that models sale_subscription and
 * reads back what Odoo made of it, with nothing peer-specific (no ids, no sequence
 * numbers): each invoice line by line, and the order after every step.
 */

type Row = Record<string, any>;

export interface LineSpec {
  policy: "order" | "delivery";
  price: number;
  /** Ordered quantity (prepaid lines bill it each period). */
  quantity?: number;
  /** Delivered quantity set at creation (postpaid lines bill it each period). */
  delivered?: number;
}

export interface Lifecycle {
  orderId: number;
  lineIds: number[];
  /** Runs the crons for each day through `until`, then records the order. */
  days(today: string, until?: string, crons?: SubscriptionCron[]): Promise<void>;
  writeLine(index: number, vals: Row): Promise<void>;
  /** Adds a line to the running order (its product new), as a plan change does; its index is the next one. */
  addLine(line: LineSpec): Promise<void>;
  writeOrder(vals: Row): Promise<void>;
  /** Registers a payment of everything due on each posted invoice not yet paid. */
  payAll(): Promise<void>;
  /** Invoices through Community's "Create invoice" wizard (left in draft). */
  invoiceByHand(): Promise<{ status: number; message?: string }>;
  /** What happened, step by step. */
  trail: unknown[];
  ledger(): Promise<unknown>;
}

export async function startLifecycle(peer: ContractPeer, input: { start: string; lines: LineSpec[]; order?: Row; plan?: Row }): Promise<Lifecycle> {
  const hub = peer.client();
  const call = <T>(model: string, method: string, body: Row) => hub.call<T>(model, method, body);
  const tag = unique("life");
  const [partner] = await call<number[]>("res.partner", "create", { vals_list: [{ name: `Lifecycle ${tag}` }] });
  const [plan] = await call<number[]>("sale.subscription.plan", "create", { vals_list: [{ name: `Monthly ${tag}`, ...input.plan }] });
  const productVals = (line: LineSpec, i: number) => ({
    name: `${line.policy === "order" ? "Fee" : "Usage"} ${i}`, default_code: `${tag}-${i}`, type: "service", invoice_policy: line.policy, recurring_invoice: true, list_price: line.price,
  });
  const lineVals = (line: LineSpec, i: number, productId: number) => ({
    product_id: productId, name: `Line ${i}`, price_unit: line.price, product_uom_qty: line.quantity ?? (line.policy === "order" ? 1 : 0),
    ...(line.delivered === undefined ? {} : { qty_delivered: line.delivered }),
  });
  const products = await call<number[]>("product.product", "create", { vals_list: input.lines.map(productVals) });
  const [orderId] = await call<number[]>("sale.order", "create", {
    vals_list: [{
      partner_id: partner, plan_id: plan, start_date: input.start, ...input.order,
      order_line: input.lines.map((line, i) => [0, 0, lineVals(line, i, products[i]!)]),
    }],
  });
  expect(await call("sale.order", "action_confirm", { ids: [orderId] })).toBe(true);
  const orderFields = ["subscription_state", "next_invoice_date", "end_date", "close_reason_id", "require_payment", "prepayment_percent", "order_line", "invoice_ids"];
  const readOrder = async () => (await call<Row[]>("sale.order", "read", { ids: [orderId], fields: orderFields }))[0]!;
  const lineIds = (await readOrder()).order_line as number[];
  const trail: unknown[] = [];
  const record = async (step: string) => {
    const order = await readOrder();
    const lines = await call<Row[]>("sale.order.line", "read", { ids: lineIds, fields: ["last_invoiced_date", "qty_invoiced", "qty_to_invoice"] });
    trail.push({
      step, state: order.subscription_state, next: order.next_invoice_date, end: order.end_date, closeReason: order.close_reason_id ? order.close_reason_id[1] : false,
      invoices: (order.invoice_ids as number[]).length, lines: lines.map((l) => [l.last_invoiced_date, l.qty_invoiced, l.qty_to_invoice]),
    });
  };
  await record("confirmed");
  const invoices = async () => {
    const ids = ((await readOrder()).invoice_ids as number[]).slice().sort((a, b) => a - b);
    return call<Row[]>("account.move", "read", { ids, fields: ["state", "move_type", "invoice_date", "invoice_date_due", "payment_state", "amount_untaxed", "amount_tax", "amount_total", "amount_residual", "invoice_line_ids"] });
  };
  return {
    orderId: orderId!, lineIds, trail,
    async days(today, until, crons) {
      await peer.runSubscriptionCrons(today, { until, crons });
      await record(`crons ${today}${until ? `..${until}` : ""}`);
    },
    async writeLine(index, vals) {
      await call("sale.order.line", "write", { ids: [lineIds[index]], vals });
    },
    async addLine(line) {
      const index = lineIds.length;
      const [productId] = await call<number[]>("product.product", "create", { vals_list: [productVals(line, index)] });
      const [lineId] = await call<number[]>("sale.order.line", "create", { vals_list: [{ order_id: orderId, ...lineVals(line, index, productId!) }] });
      lineIds.push(lineId!);
      await record(`line ${index} added`);
    },
    async writeOrder(vals) {
      await call("sale.order", "write", { ids: [orderId], vals });
      await record(`order ${Object.keys(vals).join(",")}`);
    },
    async payAll() {
      for (const move of await invoices()) {
        if (move.state !== "posted" || move.payment_state !== "not_paid") continue;
        const context = { active_model: "account.move", active_ids: [move.id] };
        const [wizard] = await call<number[]>("account.payment.register", "create", { vals_list: [{}], context });
        await call("account.payment.register", "action_create_payments", { ids: [wizard], context });
      }
      await record("paid");
    },
    async invoiceByHand() {
      const context = { active_model: "sale.order", active_ids: [orderId] };
      const answer = await peer.json2("sale.advance.payment.inv", "create", { vals_list: [{ advance_payment_method: "delivered" }], context });
      const invoiced = await peer.json2("sale.advance.payment.inv", "create_invoices", { ids: answer.json, context });
      await record("invoiced by hand");
      return { status: invoiced.status, message: invoiced.json?.message };
    },
    async ledger() {
      const moves = await invoices();
      const lines = await call<Row[]>("account.move.line", "read", {
        ids: moves.flatMap((m) => m.invoice_line_ids as number[]),
        fields: ["move_id", "name", "quantity", "price_unit", "price_subtotal", "price_total", "deferred_start_date", "deferred_end_date", "sale_line_ids"],
      });
      return moves.map((move) => ({
        // A draft's due date is the day it was made, which on a real server is today's date.
        state: move.state, type: move.move_type, date: move.invoice_date, due: move.state === "draft" ? null : move.invoice_date_due, payment: move.payment_state,
        untaxed: move.amount_untaxed, tax: move.amount_tax, total: move.amount_total, residual: move.amount_residual,
        lines: lines.filter((l) => l.move_id[0] === move.id).sort((a, b) => a.id - b.id).map((l) => ({
          // The product's code is unique per run: keep the text after it.
          name: String(l.name).replace(`[${tag}-`, "[code-"), line: lineIds.indexOf((l.sale_line_ids as number[])[0]!),
          quantity: l.quantity, price: l.price_unit, subtotal: l.price_subtotal, total: l.price_total, from: l.deferred_start_date, to: l.deferred_end_date,
        })),
      }));
    },
  };
}
