/** Demo data for /__sim/seed: one customer on a monthly subscription with a usage line. */
import { saleOrderModel } from "./models/sale-order";
import { createRecords } from "./orm";
import { children, getRecord } from "./records";
import { envFor, type SimState } from "./state";

export interface SeedResult {
  partner_id: number;
  plan_id: number;
  product_ids: { fixed: number; usage: number };
  order_id: number;
  line_ids: { fixed: number; usage: number };
}

export function seedDemo(sim: SimState, opts: { startDate?: string } = {}): SeedResult {
  const env = envFor(sim);
  const start = opts.startDate ?? sim.today;
  const [partner] = createRecords(env, "res.partner", [{ name: "Acme Corp", email: "billing@acme.test", ref: "CUST-001", is_company: true }]);
  const [plan] = createRecords(env, "sale.subscription.plan", [{ name: "Monthly", billing_period_value: 1, billing_period_unit: "month" }]);
  const [fixed, usage] = createRecords(env, "product.product", [
    { name: "Platform fee", default_code: "PLAT", list_price: 100, type: "service", invoice_policy: "order", recurring_invoice: true },
    { name: "API calls", default_code: "API-CALLS", list_price: 0.01, type: "service", invoice_policy: "delivery", recurring_invoice: true },
  ]);
  const [order] = createRecords(env, "sale.order", [{
    partner_id: partner,
    plan_id: plan,
    start_date: start,
    next_invoice_date: start,
    // As the hub creates them: no online payment asked, so Odoo's payment gate lets the cron invoice it.
    require_payment: false,
    order_line: [[0, 0, { product_id: fixed, product_uom_qty: 1 }], [0, 0, { product_id: usage, product_uom_qty: 0 }]],
  }]);
  saleOrderModel.methods!.action_confirm!.run(env, "sale.order", [order!], {});
  const lines = children(env, "sale.order", "order_line", getRecord(env, "sale.order", order!)!);
  return {
    partner_id: partner!,
    plan_id: plan!,
    product_ids: { fixed: fixed!, usage: usage! },
    order_id: order!,
    line_ids: { fixed: lines[0]!.id, usage: lines[1]!.id },
  };
}
