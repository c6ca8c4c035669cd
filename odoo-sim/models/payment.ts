/**
 * payment (Community): saved payment methods and the providers behind them. The
 * simulator has no provider module installed (like the test server: no payment_stripe),
 * so `code` offers only "none".
 */
import type { ModelDef } from "./types";

export const paymentProviderModel: ModelDef = {
  name: "payment.provider",
  description: "Payment Provider",
  fields: {
    name: { type: "char", string: "Name", required: true },
    code: { type: "selection", string: "Code", required: true, selection: [["none", "No Provider Set"]], default: () => "none" },
    state: { type: "selection", string: "State", selection: [["disabled", "Disabled"], ["enabled", "Enabled"], ["test", "Test Mode"]], default: () => "disabled" },
  },
  displayName: (_env, r) => String(r.name),
};

/** payment.token (payment): a saved card that lets the recurring run charge the customer. */
export const paymentTokenModel: ModelDef = {
  name: "payment.token",
  description: "Payment Token",
  fields: {
    partner_id: { type: "many2one", string: "Partner", relation: "res.partner", required: true, ondelete: "cascade" },
    provider_ref: { type: "char", string: "Provider Reference", required: true },
    payment_details: { type: "char", string: "Payment Details" },
    active: { type: "boolean", string: "Active", default: () => true },
  },
  displayName: (_env, r) => String(r.payment_details || r.provider_ref || ""),
};
