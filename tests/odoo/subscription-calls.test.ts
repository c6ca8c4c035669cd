import { beforeAll, expect, it } from "vitest";
import {
  ensurePricelist, ensureSubscriptionOrder, findOrCreatePartner, findOrCreatePlan, findOrCreateProduct, listSubscriptions, readPlan, readSubscription,
  setSubscriptionEndDate,
} from "~/server/odoo";
import { describeEachPeer, unique } from "./support/peers";

/*
 * The hub's calls that need Enterprise sale_subscription, exactly as the push makes them:
 * on every peer that models it (the simulator and the stand-in addon; plain Community has no plan_id).
 */
describeEachPeer("the hub's subscription calls", (peer) => {
  beforeAll(async () => {
    const admin = peer().client({ as: "admin" });
    const [cad] = await admin.call<number[]>("res.currency", "search", { domain: [["name", "=", "CAD"]], context: { active_test: false } });
    await admin.call("res.currency", "write", { ids: [cad!], vals: { active: true } });
  });

  it("finds or creates the plan, products and confirmed order, once, and ends it on a date", async () => {
    const hub = peer().client();
    const plan = await findOrCreatePlan(hub, { value: 3, unit: "month", firstDay: false, name: "3 month" });
    expect(await findOrCreatePlan(hub, { value: 3, unit: "month", firstDay: false, name: "ignored" })).toEqual(plan);
    expect(await readPlan(hub, plan.id)).toEqual({ id: plan.id, name: "3 month", periodValue: 3, periodUnit: "month", firstDay: false });
    // The same rhythm aligned on the 1st is another plan.
    const aligned = await findOrCreatePlan(hub, { value: 3, unit: "month", firstDay: true, name: "3 month, from the 1st" });
    expect(aligned).toMatchObject({ periodValue: 3, periodUnit: "month", firstDay: true });
    expect(aligned.id).not.toBe(plan.id);
    const code = unique("nexa-plan");
    const fee = await findOrCreateProduct(hub, { defaultCode: code, name: "Quarterly", listPrice: 87, invoicePolicy: "delivery" });
    expect(fee).toMatchObject({ defaultCode: code, invoicePolicy: "delivery", type: "service", recurringInvoice: true, listPrice: 87 });
    expect(await findOrCreateProduct(hub, { defaultCode: code, name: "ignored", listPrice: 1, invoicePolicy: "order" })).toEqual(fee);
    const { partner } = await findOrCreatePartner(hub, { ref: unique("nexa-customer"), name: "Quarterly Customer" });
    const pricelist = await ensurePricelist(hub, "CAD");

    const input = {
      ref: unique("nexa:cloud"), partnerId: partner.id, planId: plan.id, pricelistId: pricelist.id, startDate: "2026-01-01", nextInvoiceDate: "2026-04-01",
      lines: [{ productId: fee.id, name: "Quarterly", quantity: 1, priceUnit: 87, deliveredQuantity: 1 }],
    };
    const order = await ensureSubscriptionOrder(hub, input);
    expect(order).toMatchObject({
      partnerId: partner.id, planId: plan.id, isSubscription: true, subscriptionState: "3_progress", state: "sale",
      startDate: "2026-01-01", nextInvoiceDate: "2026-04-01", endDate: null, currency: "CAD", lineIds: [expect.any(Number)],
    });
    expect(await ensureSubscriptionOrder(hub, input)).toEqual(order);
    expect((await listSubscriptions(hub, { ids: [order.id], states: ["3_progress"], dueBy: "2026-04-01" })).map((s) => s.id)).toEqual([order.id]);
    expect(await listSubscriptions(hub, { ids: [order.id], dueBy: "2026-03-31" })).toEqual([]);

    await setSubscriptionEndDate(hub, { orderId: order.id, endDate: "2026-07-08" });
    expect(await readSubscription(hub, order.id)).toMatchObject({ endDate: "2026-07-08", subscriptionState: "3_progress" });
  });
}, { needs: "subscriptions" });
