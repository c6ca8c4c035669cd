import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { at, invoicesOf, type Lifecycle, startLifecycle, subscribe } from "../support/billing-lifecycle";

/*
 * A customer who does not pay: Odoo's expiration cron closes the order on its own, the
 * hub follows and tells the app (distinguishably from the app's own termination), refuses
 * usage from then on; the late payment reopens the order and billing resumes, with no
 * stale quantity on the lines. Odoo's crons and the hub's push and poll run day by day.
 */
let life: Lifecycle;
let sub: Awaited<ReturnType<typeof subscribe>>;
let orderId: number;
let januaryInvoice: number;
let closedOn: string;
let refusedWhileClosed: unknown;

const hubSubscription = () => life.db.subscription.findFirstOrThrow({ where: { externalId: sub.externalId } });
const deliveries = () => life.db.webhookDelivery.findMany({ where: { serviceId: sub.serviceId }, orderBy: { sequence: "asc" } });

beforeAll(async () => {
  life = await startLifecycle({ firstDay: "2026-01-01" });
  sub = await subscribe(life.db, { subscriptionAt: at("2026-01-01"), feeCents: 2900n, payInAdvance: false, unitPrice: "1" });
  await sub.send(3, at("2026-01-10"));
  await life.runUntil("2026-01-01");
  orderId = (await hubSubscription()).odooOrderId!;
  life.unpaidOrders.add(orderId);
  await sub.send(4, at("2026-02-10"));
  await life.runUntil("2026-02-10");
  januaryInvoice = (await life.odoo.call<Array<{ id: number }>>("account.move", "search_read", { domain: [["invoice_origin", "!=", false], ["move_type", "=", "out_invoice"]], fields: ["id"] }))[0]!.id;
  // Day by day until Odoo's expiration cron closes the order for the unpaid invoice.
  while ((await hubSubscription()).odooClosedAt === null && life.today < "2026-03-01") await life.runUntil(life.today);
  closedOn = life.today;
  refusedWhileClosed = await sub.trySend(9, at(closedOn, 12), at(closedOn, 12));
  await life.runUntil("2026-02-24");
  // The customer pays late: Odoo reopens the order; the app's usage flows again.
  await life.pay(januaryInvoice);
  life.unpaidOrders.delete(orderId);
  await life.runUntil("2026-02-25");
  await sub.send(1, at("2026-02-26"));
  await life.runUntil("2026-03-05");
}, 600_000);
afterAll(() => life?.stop());

describe("Odoo closes an unpaid subscription, then reopens it on payment", () => {
  it("closes it in the hub too, tells the app it was Odoo, and refuses later usage with a clear error", async () => {
    expect(closedOn > "2026-02-15").toBe(true);
    const [terminated, started] = (await deliveries()).filter((d) => d.webhookType.startsWith("subscription."));
    expect(terminated).toMatchObject({ webhookType: "subscription.terminated" });
    expect((terminated!.payload as any).nexa).toMatchObject({ event: "subscription_terminated", terminated_by: "odoo", odoo_close_reason: expect.any(String) });
    expect((terminated!.payload as any).subscription).toMatchObject({ external_id: sub.externalId, status: "terminated" });
    expect(refusedWhileClosed).toEqual({ ok: false, errors: { 0: { external_subscription_id: ["subscription_closed_by_odoo"] } } });
    expect(started).toMatchObject({ webhookType: "subscription.started" });
    expect((started!.payload as any).nexa).toMatchObject({ event: "subscription_reopened" });
    expect((started!.payload as any).subscription).toMatchObject({ external_id: sub.externalId, status: "active" });
  });

  it("runs again after the reopening and bills the period once, fee and usage, nothing stale", async () => {
    expect(await hubSubscription()).toMatchObject({ status: "active", terminatedAt: null, odooClosedAt: null });
    const { invoices, order } = await invoicesOf(life.odoo, sub.orderRef);
    expect(order.subscription_state).toBe("3_progress");
    expect(invoices).toEqual([
      { date: "2026-02-01", lines: ["fee 29 2026-01-01..2026-01-31", "usage 3 2026-01-01..2026-01-31"] },
      // February: the usage before the closing and after the reopening (the 9 units refused meanwhile are not there).
      { date: "2026-03-01", lines: ["fee 29 2026-02-01..2026-02-28", "usage 5 2026-02-01..2026-02-28"] },
    ]);
  });
});
