import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { upsertCustomer } from "~/server/identity/upsert-customer";
import { at, type Lifecycle, pushWarningsOf, startLifecycle, subscribe } from "../support/billing-lifecycle";

/*
 * A customer's net_payment_term and shipping address as the app gives them through Lago's
 * customer API, in Odoo: the term on the partner and its order, which date each invoice's
 * due date; the shipping address as the partner's delivery address, which the order and
 * its invoices deliver to. A term Odoo lacks is for ops to create, and the push says so.
 */
let life: Lifecycle;
beforeAll(async () => {
  life = await startLifecycle({ firstDay: "2026-01-01" });
}, 120_000);
afterAll(() => life?.stop());

type Sub = Awaited<ReturnType<typeof subscribe>>;
type Row = Record<string, any> & { id: number };
async function odooOf(sub: Sub) {
  const [order] = await life.odoo.call<Row[]>("sale.order", "search_read", {
    domain: [["client_order_ref", "=", sub.orderRef]], fields: ["name", "partner_id", "payment_term_id", "partner_shipping_id"],
  });
  const [partner] = await life.odoo.call<Row[]>("res.partner", "read", { ids: [order!.partner_id[0]], fields: ["property_payment_term_id", "child_ids"] });
  const deliveries = await life.odoo.call<Row[]>("res.partner", "search_read", {
    domain: [["parent_id", "=", partner!.id], ["type", "=", "delivery"]], fields: ["street", "street2", "city", "zip", "state_id", "country_id"],
  });
  const invoices = await life.odoo.call<Row[]>("account.move", "search_read", {
    domain: [["invoice_origin", "=", order!.name], ["state", "=", "posted"]], fields: ["invoice_date", "invoice_date_due", "invoice_payment_term_id", "partner_shipping_id"], order: "id",
  });
  return { order: order!, partner: partner!, deliveries, invoices };
}

describe("a customer's payment term and shipping address in Odoo", () => {
  let sub: Sub;
  const change = (fields: Parameters<typeof upsertCustomer>[0]["fields"]) => upsertCustomer({ db: life.db, serviceId: sub.serviceId, externalId: sub.customerExternalId, fields });

  beforeAll(async () => {
    sub = await subscribe(life.db, { subscriptionAt: at("2026-01-01"), feeCents: 2900n, payInAdvance: false, unitPrice: "0.50" });
    await change({
      netPaymentTerm: 45,
      shippingAddressLine1: "1 Dock Rd", shippingAddressLine2: "Pier 21", shippingCity: "Halifax", shippingZipcode: "B3H 1A1", shippingState: "NS", shippingCountry: "CA",
    });
  });

  it("puts Odoo's own 45-day term on the partner and its order, and January's invoice falls due 45 days after its date", async () => {
    await life.runUntil("2026-02-01");
    const { order, partner, deliveries, invoices } = await odooOf(sub);
    expect(partner.property_payment_term_id).toEqual([expect.any(Number), "45 Days"]);
    expect(order.payment_term_id).toEqual(partner.property_payment_term_id);
    expect(deliveries).toEqual([{
      id: expect.any(Number), street: "1 Dock Rd", street2: "Pier 21", city: "Halifax", zip: "B3H 1A1", state_id: [expect.any(Number), "Nova Scotia"], country_id: [expect.any(Number), "Canada"],
    }]);
    expect(order.partner_shipping_id[0]).toBe(deliveries[0]!.id);
    expect(invoices).toEqual([{
      id: expect.any(Number), invoice_date: "2026-02-01", invoice_date_due: "2026-03-18", invoice_payment_term_id: partner.property_payment_term_id, partner_shipping_id: order.partner_shipping_id,
    }]);
  });

  it("says when Odoo has no term of the app's days and its user may not create one, keeping the term it had", async () => {
    await change({ netPaymentTerm: 60 });
    expect(pushWarningsOf(await life.push(at("2026-02-02", 1)), sub)).toEqual([expect.stringContaining("Odoo has no payment term of 60 days")]);
    const { partner, order } = await odooOf(sub);
    expect([partner.property_payment_term_id[1], order.payment_term_id[1]]).toEqual(["45 Days", "45 Days"]);
    // No such term was made behind ops' back.
    expect(await life.odoo.call("account.payment.term", "search_count", { domain: [["name", "=", "60 Days"]] })).toBe(0);
  });

  it("follows the app's next change: a 15-day term for February's invoice, the same delivery address moved", async () => {
    await change({ netPaymentTerm: 15, shippingCity: "Dartmouth", shippingZipcode: "B2Y 1A1" });
    await life.runUntil("2026-03-01");
    const { order, partner, deliveries, invoices } = await odooOf(sub);
    expect([partner.property_payment_term_id[1], order.payment_term_id[1]]).toEqual(["15 Days", "15 Days"]);
    expect(deliveries).toEqual([expect.objectContaining({ id: order.partner_shipping_id[0], street: "1 Dock Rd", city: "Dartmouth", zip: "B2Y 1A1" })]);
    expect(invoices.map((invoice) => [invoice.invoice_date, invoice.invoice_date_due])).toEqual([["2026-02-01", "2026-03-18"], ["2026-03-01", "2026-03-16"]]);
  });
});
