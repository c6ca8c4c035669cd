import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setBillingMode } from "~/server/services/set-billing-mode";
import { previewUsagePush } from "~/server/usage-push/preview-usage-push";
import { at, invoicesOf, type Lifecycle, startLifecycle, subscribe } from "../support/billing-lifecycle";

/*
 * Shadow services beside a live one, with Odoo's invoicing run every day: Lago bills a
 * shadow service, so the hub gives Odoo no order for it, and what Odoo does to an order
 * of a service rolled back to shadow reaches its app as no webhook.
 */
let life: Lifecycle;
beforeAll(async () => {
  life = await startLifecycle({ firstDay: "2026-01-01" });
}, 120_000);
afterAll(() => life?.stop());

type Sub = Awaited<ReturnType<typeof subscribe>>;
const toShadow = async (sub: Sub) => {
  // The connection is never called here: shadow only needs one to exist.
  await life.db.service.update({ where: { id: sub.serviceId }, data: { lagoApiUrl: "https://lago.example.test/api/v1", lagoApiKeySealed: "v1.unused" } });
  await setBillingMode({ db: life.db, serviceId: sub.serviceId, mode: "shadow", reason: "test" });
};
const ordersOf = (orderRef: string) => life.odoo.call<unknown[]>("sale.order", "search_read", { domain: [["client_order_ref", "=", orderRef]], fields: ["id"] });
const deliveriesOf = (sub: Sub) => life.db.webhookDelivery.count({ where: { serviceId: sub.serviceId } });

describe("shadow mode against Odoo's daily invoicing", () => {
  let live: Sub;
  let shadow: Sub;
  let rolledBack: Sub;

  beforeAll(async () => {
    live = await subscribe(life.db, { subscriptionAt: at("2026-01-01"), feeCents: 2900n, payInAdvance: false, unitPrice: "0.50" });
    shadow = await subscribe(life.db, { subscriptionAt: at("2026-01-01"), feeCents: 2900n, payInAdvance: false, unitPrice: "0.50" });
    rolledBack = await subscribe(life.db, { subscriptionAt: at("2026-01-01"), feeCents: 2900n, payInAdvance: false, unitPrice: "0.50" });
    await toShadow(shadow);
    for (const sub of [live, shadow, rolledBack]) await sub.send(10, at("2026-01-05"));
  }, 120_000);

  it("gives Odoo no order for a shadow service's closing period while a live one's is invoiced", async () => {
    await life.runUntil("2026-02-03");
    expect((await invoicesOf(life.odoo, live.orderRef)).invoices).toEqual([expect.objectContaining({ date: "2026-02-01" })]);
    expect(await ordersOf(shadow.orderRef)).toEqual([]);
    expect(await life.db.subscription.findFirstOrThrow({ where: { serviceId: shadow.serviceId } })).toMatchObject({ odooOrderId: null });
    expect(await life.db.job.count({ where: { subscription: { serviceId: shadow.serviceId } } })).toBe(0);
    const { planning } = await life.push(at("2026-02-04"));
    expect(planning).toEqual(expect.arrayContaining([expect.objectContaining({ subscription: expect.stringContaining(shadow.externalId), decision: "shadow", detail: "shadow: Lago bills this service" })]));
    const preview = await previewUsagePush({ db: life.db, odoo: life.odoo, now: at("2026-02-04"), leadHours: 48 });
    expect(preview).toEqual(expect.arrayContaining([expect.objectContaining({ subscription: expect.stringContaining(shadow.externalId), note: "shadow: Lago bills this service" })]));
  });

  it("sends a service rolled back to shadow no webhook of what Odoo does to its order, while a live one hears", async () => {
    expect((await invoicesOf(life.odoo, rolledBack.orderRef)).invoices).toHaveLength(1);
    expect(await deliveriesOf(shadow)).toBe(0);
    await toShadow(rolledBack);
    const [liveBefore, rolledBackBefore] = [await deliveriesOf(live), await deliveriesOf(rolledBack)];
    expect(rolledBackBefore).toBeGreaterThan(0); // it heard while live
    // Odoo still invoices the order it holds (the rollback's business) and the invoice is paid.
    await life.runUntil("2026-03-03");
    expect((await invoicesOf(life.odoo, rolledBack.orderRef)).invoices).toHaveLength(2);
    expect(await deliveriesOf(rolledBack)).toBe(rolledBackBefore);
    expect(await deliveriesOf(live)).toBeGreaterThan(liveBefore);
    expect(await deliveriesOf(shadow)).toBe(0);
  });
});
