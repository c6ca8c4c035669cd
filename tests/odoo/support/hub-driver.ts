import type { OdooDriver } from "../../support/billing-lifecycle";
import type { ContractPeer } from "./peers";

/**
 * The hub's billing lifecycle (startLifecycleOn) on a peer with sale_subscription: the
 * hub's own client, the peer's daily crons, and each invoice paid through Odoo's
 * "Register payment" wizard, as a customer's payment is recorded.
 */
export function hubDriver(peer: ContractPeer): OdooDriver {
  const odoo = peer.client();
  return {
    odoo,
    runCrons: (today) => peer.runSubscriptionCrons(today),
    pay: async (moveId) => {
      const context = { active_model: "account.move", active_ids: [moveId] };
      const [wizard] = await odoo.call<number[]>("account.payment.register", "create", { vals_list: [{}], context });
      return odoo.call("account.payment.register", "action_create_payments", { ids: [wizard!], context });
    },
    close: async () => {},
  };
}
