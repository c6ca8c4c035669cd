import { beforeAll, expect, it } from "vitest";
import {
  countInvoices, ensurePricelist, invoicePortalPath, orderPortalPath, ensureOrderLine, findOrCreatePartner, findOrCreatePaymentTerm, findPaymentTerm, findSubscriptionByRef,
  listInvoices, partnerAddressValues, readInvoice, readOrderLines, writeDeliveryAddress, writePartnerAddress, writeUsageLine,
} from "~/server/odoo";
import { readOdooObservations } from "~/server/webhooks/read-odoo-observations";
import { describeEachPeer, unique } from "./support/peers";

/*
 * Community's real invoicing, driven the way the hub and an Odoo user do it over JSON-2:
 * a CAD order (pricelist in CAD), usage written onto its line by the hub's own functions,
 * the public "Create invoice" wizard, posting, the "Register payment" wizard, and what
 * the hub then reads back for reconciliation and lifecycle webhooks. Real taxes: a
 * fresh database puts its 15 % sale tax on every new product, rounded globally.
 */

describeEachPeer("Community invoicing in the plan's currency", (peer) => {
  beforeAll(async () => {
    // What an Odoo administrator does before the hub bills in CAD (a fresh database has it inactive).
    const admin = peer().client({ as: "admin" });
    const [cad] = await admin.call<number[]>("res.currency", "search", { domain: [["name", "=", "CAD"]], context: { active_test: false } });
    await admin.call("res.currency", "write", { ids: [cad!], vals: { active: true } });
  });

  it("bills a CAD order in CAD with its usage line, taxes and payment, and the hub reads it all back", async () => {
    const hub = peer().client();
    const ref = unique("nexa-customer");
    const { partner } = await findOrCreatePartner(hub, { ref, name: "CAD Customer", email: "billing@cad.example" });
    expect(await findOrCreatePartner(hub, { ref, name: "ignored" })).toEqual({ created: false, partner });

    const pricelist = await ensurePricelist(hub, "CAD");
    expect(await ensurePricelist(hub, "CAD")).toEqual(pricelist);
    const code = unique("nexa-plan");
    const [feeProduct, usageProduct] = await hub.call<number[]>("product.product", "create", {
      vals_list: [
        { default_code: code, name: "Cloud plan", list_price: 29, type: "service", invoice_policy: "order" },
        { default_code: `${code}-calls`, name: "Cloud: API calls", list_price: 0, type: "service", invoice_policy: "delivery" },
      ],
    });
    const orderRef = unique("nexa:cloud");
    const [orderId] = await hub.call<number[]>("sale.order", "create", {
      vals_list: [{ partner_id: partner.id, client_order_ref: orderRef, pricelist_id: pricelist.id, order_line: [[0, 0, { product_id: feeProduct, name: "Cloud plan", product_uom_qty: 1, price_unit: 29 }]] }],
    });
    expect(await hub.call("sale.order", "action_confirm", { ids: [orderId!] })).toBe(true);
    expect(await findSubscriptionByRef(hub, orderRef)).toBe(orderId);
    const [order] = await hub.call<Array<Record<string, unknown>>>("sale.order", "read", { ids: [orderId!], fields: ["name", "state", "currency_id", "require_payment", "prepayment_percent"] });
    // The company asks a 100 % prepayment; Community leaves online payment to its own setting
    // (off), while sale_subscription derives require_payment from the prepayment.
    expect(order).toMatchObject({ state: "sale", currency_id: [expect.any(Number), "CAD"], require_payment: peer().subscriptions, prepayment_percent: 1 });
    const confirmedAgain = await peer().json2("sale.order", "action_confirm", { ids: [orderId] });
    expect({ status: confirmedAgain.status, name: confirmedAgain.json.name, message: confirmedAgain.json.message })
      .toEqual({ status: 422, name: "odoo.exceptions.UserError", message: "Some orders are not in a state requiring confirmation." });

    // The hub's usage line: found or created once, written with absolute values, skipped when unchanged.
    const usage = { orderId: orderId!, productId: usageProduct!, name: "API calls usage [api_calls]", quantity: 0, priceUnit: 0 };
    const line = await ensureOrderLine(hub, usage);
    expect(line.created).toBe(true);
    expect(await ensureOrderLine(hub, usage)).toEqual({ id: line.id, created: false });
    const text = "API calls usage [api_calls]\n1,500 units, 1,000 included, 500 billed (2026-10-01 to 2026-10-31)";
    expect(await writeUsageLine(hub, { lineId: line.id, quantity: 1, priceUnit: 7.5, name: text })).toEqual({ changed: true });
    expect(await writeUsageLine(hub, { lineId: line.id, quantity: 1, priceUnit: 7.5, name: text })).toEqual({ changed: false });
    expect((await readOrderLines(hub, [line.id]))[0]).toMatchObject({ orderId, productId: usageProduct, name: text, qtyDelivered: 1, qtyToInvoice: 1, qtyInvoiced: 0, priceUnit: 7.5 });

    // The public invoicing path (the model's _create_invoices is private).
    const context = { active_model: "sale.order", active_ids: [orderId], active_id: orderId };
    const [wizard] = await hub.call<number[]>("sale.advance.payment.inv", "create", { vals_list: [{ advance_payment_method: "delivered" }], context });
    expect(await hub.call("sale.advance.payment.inv", "create_invoices", { ids: [wizard!], context })).toMatchObject({ type: "ir.actions.act_window" });
    const [draft] = await listInvoices(hub, { origin: order!.name as string });
    expect(draft).toMatchObject({ state: "draft", paymentState: "not_paid", moveType: "out_invoice", partnerId: partner.id, currency: "CAD", amountTotal: 41.98, invoiceDate: null });
    expect(draft!.lines.map((l) => [l.productId, l.name, l.quantity, l.priceUnit, l.priceSubtotal, l.saleLineIds])).toEqual([
      [feeProduct, `[${code}] Cloud plan Cloud plan`, 1, 29, 29, [expect.any(Number)]],
      // The invoice line's text starts with the product's name, then the order line's (units on its second line).
      [usageProduct, `[${code}-calls] Cloud: API calls ${text}`, 1, 7.5, 7.5, [line.id]],
    ]);
    const taxes = await hub.call<Array<Record<string, unknown>>>("account.move", "read", { ids: [draft!.id], fields: ["amount_untaxed", "amount_tax"] });
    expect(taxes).toEqual([{ id: draft!.id, amount_untaxed: 36.5, amount_tax: 5.48 }]);

    expect(await hub.call("account.move", "action_post", { ids: [draft!.id] })).toBe(false);
    const posted = await readInvoice(hub, draft!.id);
    expect(posted).toMatchObject({ state: "posted", name: expect.stringMatching(/^INV\/\d{4}\/\d{5}$/), invoiceDate: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/), amountResidual: 41.98 });
    expect((await readOrderLines(hub, [line.id]))[0]).toMatchObject({ qtyInvoiced: 1, qtyToInvoice: 0 });

    const paying = { active_model: "account.move", active_ids: [draft!.id] };
    const [payment] = await hub.call<number[]>("account.payment.register", "create", { vals_list: [{}], context: paying });
    expect(await hub.call("account.payment.register", "read", { ids: [payment!], fields: ["amount", "currency_id", "communication"], context: paying }))
      .toEqual([{ id: payment, amount: 41.98, currency_id: [expect.any(Number), "CAD"], communication: posted!.name }]);
    expect(await hub.call("account.payment.register", "action_create_payments", { ids: [payment!], context: paying })).toMatchObject({ res_model: "account.payment" });
    expect(await readInvoice(hub, draft!.id)).toMatchObject({ paymentState: "paid", amountResidual: 0 });
    // Odoo's wizard refuses an invoice with nothing left to pay.
    await expect(hub.call("account.payment.register", "create", { vals_list: [{}], context: paying })).rejects.toThrow(/nothing left to pay/);

    // What the lifecycle webhooks read: the payment, the order it bills, in CAD.
    const [observed] = await readOdooObservations(hub, { model: "account.move", ids: [draft!.id] });
    expect(observed).toMatchObject({ model: "account.move", id: draft!.id, state: "paid", partnerId: partner.id, orderIds: [orderId] });
    expect(observed!.invoice).toMatchObject({
      name: posted!.name, invoiceDate: posted!.invoiceDate, invoiceDateDue: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/), currency: "CAD",
      amountUntaxed: 36.5, amountTax: 5.48, amountTotal: 41.98, amountResidual: 0, createdAt: expect.any(Date), updatedAt: expect.any(Date),
    });
    // What an invoice's fees are built from: each line's order, totals with tax, and the tax's rate.
    expect(observed!.invoice!.orderOfSaleLine.map(([, order]) => order)).toEqual([orderId, orderId]);
    expect(observed!.invoice!.lines.map((l) => [l.priceSubtotal, l.priceTotal])).toEqual([[29, 33.35], [7.5, 8.63]]);
    expect(observed!.invoice!.taxes).toEqual([expect.objectContaining({ amount: 15, amountType: "percent" })]);

    // GET /invoices' reads: a service's invoices are those billing its orders, counted by Odoo.
    expect((await listInvoices(hub, { orderIds: [orderId!], moveTypes: ["out_invoice"], states: ["posted"], paymentStates: ["paid"] }, { order: "invoice_date desc, id desc" })).map((i) => i.id)).toEqual([draft!.id]);
    expect(await countInvoices(hub, { orderIds: [orderId!], overdue: { today: "2000-01-01", value: false }, currency: "CAD", searchTerm: "CAD Customer" })).toBe(1);
    expect(await countInvoices(hub, { orderIds: [orderId!], overdue: { today: "2999-01-01", value: true } })).toBe(0);
    expect(await countInvoices(hub, { orderIds: [orderId! + 100_000] })).toBe(0);

    // The portal link the hub hands out (payment_url, the PDF's source): a token made once and kept.
    const path = await invoicePortalPath(hub, draft!.id);
    expect(path).toMatch(new RegExp(`^/my/invoices/${draft!.id}\\?access_token=[0-9a-f-]{36}$`));
    expect(await invoicePortalPath(hub, draft!.id)).toBe(path);
    const noToken = await fetch(new URL(`/my/invoices/${draft!.id}?access_token=wrong`, peer().url), { redirect: "manual" });
    expect({ status: noToken.status, location: new URL(noToken.headers.get("location") ?? "", peer().url).pathname }).toEqual({ status: 303, location: "/my" });
    const page = await fetch(new URL(path, peer().url), { redirect: "manual" });
    expect(page.status).toBe(200);
    expect(page.headers.get("content-type")).toMatch(/^text\/html/);

    // The customer's portal_url: the order's page, with a token made once and kept.
    const orderPath = await orderPortalPath(hub, orderId!);
    expect(orderPath).toMatch(new RegExp(`^/my/orders/${orderId}\\?access_token=[0-9a-f-]{36}$`));
    expect(await orderPortalPath(hub, orderId!)).toBe(orderPath);
    const wrongOrderToken = await fetch(new URL(`/my/orders/${orderId}?access_token=wrong`, peer().url), { redirect: "manual" });
    expect({ status: wrongOrderToken.status, location: new URL(wrongOrderToken.headers.get("location") ?? "", peer().url).pathname }).toEqual({ status: 303, location: "/my" });
    const orderPage = await fetch(new URL(orderPath, peer().url), { redirect: "manual" });
    expect(orderPage.status).toBe(200);
  });

  it("puts a customer's address on its partner, the province found by code or name", async () => {
    const hub = peer().client();
    const { partner } = await findOrCreatePartner(hub, { ref: unique("nexa-customer"), name: "Address Customer" });
    const address = { addressLine1: "100 Queen St W", addressLine2: null, city: "Toronto", zipcode: "M5H 2N2", country: "ca", state: "on", phone: "+1 416 555 0100", taxIdentificationNumber: "123456789RT0001" };
    const { vals, unmatched } = await partnerAddressValues(hub, address);
    expect(unmatched).toEqual([]);
    await writePartnerAddress(hub, partner.id, vals);
    const [read] = await hub.call<Array<Record<string, unknown>>>("res.partner", "read", { ids: [partner.id], fields: ["street", "street2", "city", "zip", "state_id", "country_id", "phone", "vat"] });
    expect(read).toMatchObject({ street: "100 Queen St W", street2: false, city: "Toronto", zip: "M5H 2N2", state_id: [expect.any(Number), expect.stringContaining("Ontario")], country_id: [expect.any(Number), "Canada"], phone: "+1 416 555 0100", vat: "123456789RT0001" });
    expect((await partnerAddressValues(hub, { ...address, state: "Quebec" })).vals.state_id).toEqual(expect.any(Number));
    expect((await partnerAddressValues(hub, { ...address, state: "Atlantis" })).unmatched).toEqual(["state Atlantis of CA"]);
    expect((await partnerAddressValues(hub, { ...address, country: "XX" })).unmatched).toEqual(["country XX"]);
  });

  it("dates an invoice's due date from the partner's term the hub writes, and delivers to the delivery address under the partner", async () => {
    const hub = peer().client();
    const admin = peer().client({ as: "admin" });
    const { partner } = await findOrCreatePartner(hub, { ref: unique("nexa-customer"), name: unique("Terms Customer") });
    const [product] = await hub.call<number[]>("product.product", "create", { vals_list: [{ name: "Plan fee", type: "service", invoice_policy: "order", list_price: 10 }] });
    const orderOf = async () => (await hub.call<number[]>("sale.order", "create", { vals_list: [{ partner_id: partner.id, order_line: [[0, 0, { product_id: product, product_uom_qty: 1, price_unit: 10 }]] }] }))[0]!;
    const readOrder = async (id: number) => (await hub.call<Array<Record<string, unknown>>>("sale.order", "read", { ids: [id], fields: ["payment_term_id", "partner_shipping_id"] }))[0];
    // The hub's first order is made before it writes the customer's fields onto the partner.
    const firstOrder = await orderOf();
    expect(await readOrder(firstOrder)).toMatchObject({ payment_term_id: false, partner_shipping_id: [partner.id, expect.any(String)] });

    // Odoo ships "30 Days" and "Immediate Payment"; "2/7 Net 30" (a discount) and "30% Now, Balance 60 Days" (two lines) are no plain term.
    const thirty = await findOrCreatePaymentTerm(hub, 30);
    const [term] = await hub.call<Array<Record<string, unknown>>>("account.payment.term", "read", { ids: [thirty!], fields: ["name"] });
    expect(term).toMatchObject({ name: "30 Days" });
    expect(await findPaymentTerm(hub, 0)).toEqual(expect.any(Number));
    expect(await findPaymentTerm(hub, 60)).toBeNull();
    // Only Accounting / Administrator makes terms: the hub's user is refused, an administrator's key makes it once.
    expect(await findOrCreatePaymentTerm(hub, 61)).toBeNull();
    const sixtyOne = await findOrCreatePaymentTerm(admin, 61);
    expect(await findOrCreatePaymentTerm(admin, 61)).toBe(sixtyOne);
    expect(await findPaymentTerm(hub, 61)).toBe(sixtyOne);

    const shipping = { addressLine1: "1 Dock Rd", addressLine2: null, city: "Halifax", zipcode: "B3H 1A1", country: "CA", state: "NS", phone: null, taxIdentificationNumber: null };
    const delivery = await writeDeliveryAddress(hub, partner.id, (await partnerAddressValues(hub, shipping)).vals);
    expect(await writeDeliveryAddress(hub, partner.id, { city: "Dartmouth" })).toBe(delivery);
    const [address] = await hub.call<Array<Record<string, unknown>>>("res.partner", "read", { ids: [delivery], fields: ["parent_id", "type", "street", "city", "state_id", "display_name"] });
    expect(address).toMatchObject({ parent_id: [partner.id, expect.any(String)], type: "delivery", street: "1 Dock Rd", city: "Dartmouth", state_id: [expect.any(Number), expect.stringContaining("Nova Scotia")], display_name: `${partner.name}, Delivery` });

    // What syncPartner writes: the partner's term, and the same term and address on the orders made before.
    await writePartnerAddress(hub, partner.id, { property_payment_term_id: thirty });
    await hub.call("sale.order", "write", { ids: [firstOrder], vals: { payment_term_id: thirty, partner_shipping_id: delivery } });
    // An order made since takes both from the partner itself.
    const laterOrder = await orderOf();
    for (const id of [firstOrder, laterOrder]) expect(await readOrder(id)).toMatchObject({ payment_term_id: [thirty, "30 Days"], partner_shipping_id: [delivery, expect.any(String)] });

    await hub.call("sale.order", "action_confirm", { ids: [firstOrder] });
    const context = { active_model: "sale.order", active_ids: [firstOrder], active_id: firstOrder };
    const [wizard] = await hub.call<number[]>("sale.advance.payment.inv", "create", { vals_list: [{ advance_payment_method: "delivered" }], context });
    await hub.call("sale.advance.payment.inv", "create_invoices", { ids: [wizard!], context });
    const [draft] = await listInvoices(hub, { partnerId: partner.id });
    await hub.call("account.move", "action_post", { ids: [draft!.id] });
    const [invoice] = await hub.call<Array<{ invoice_date: string; invoice_date_due: string; invoice_payment_term_id: unknown; partner_shipping_id: unknown }>>("account.move", "read", {
      ids: [draft!.id], fields: ["invoice_date", "invoice_date_due", "invoice_payment_term_id", "partner_shipping_id"],
    });
    expect(invoice).toMatchObject({ invoice_payment_term_id: [thirty, "30 Days"], partner_shipping_id: [delivery, expect.any(String)] });
    expect((Date.parse(invoice!.invoice_date_due) - Date.parse(invoice!.invoice_date)) / 86_400_000).toBe(30);
    expect(await readInvoice(hub, draft!.id)).toMatchObject({ invoiceDate: invoice!.invoice_date, invoiceDateDue: invoice!.invoice_date_due });
  });

  it("refuses an invoice with nothing to invoice, and posting in an inactive currency", async () => {
    const hub = peer().client();
    const admin = peer().client({ as: "admin" });
    const [partnerId] = await hub.call<number[]>("res.partner", "create", { vals_list: [{ name: unique("nothing to invoice") }] });
    const [product] = await hub.call<number[]>("product.product", "create", { vals_list: [{ name: "Usage", type: "service", invoice_policy: "delivery" }] });
    const [orderId] = await hub.call<number[]>("sale.order", "create", { vals_list: [{ partner_id: partnerId, order_line: [[0, 0, { product_id: product, product_uom_qty: 0, price_unit: 3 }]] }] });
    await hub.call("sale.order", "action_confirm", { ids: [orderId!] });
    const context = { active_model: "sale.order", active_ids: [orderId] };
    const [wizard] = await hub.call<number[]>("sale.advance.payment.inv", "create", { vals_list: [{ advance_payment_method: "delivered" }], context });
    const nothing = await peer().json2("sale.advance.payment.inv", "create_invoices", { ids: [wizard], context });
    expect({ status: nothing.status, name: nothing.json.name }).toEqual({ status: 422, name: "odoo.exceptions.UserError" });
    expect(nothing.json.message).toMatch(/^Cannot create an invoice\. No items are available to invoice\./);

    // An EUR pricelist (EUR is inactive): the order and its draft invoice exist, posting is refused.
    const [eur] = await admin.call<number[]>("res.currency", "search", { domain: [["name", "=", "EUR"]], context: { active_test: false } });
    const [euros] = await hub.call<number[]>("product.pricelist", "create", { vals_list: [{ name: unique("EUR list"), currency_id: eur }] });
    const [eurOrder] = await hub.call<number[]>("sale.order", "create", { vals_list: [{ partner_id: partnerId, pricelist_id: euros, order_line: [[0, 0, { product_id: product, product_uom_qty: 1, price_unit: 3 }]] }] });
    await hub.call("sale.order", "action_confirm", { ids: [eurOrder!] });
    await hub.call("sale.order.line", "write", { ids: (await readOrderLinesOf(eurOrder!)), vals: { qty_delivered: 1 } });
    const eurContext = { active_model: "sale.order", active_ids: [eurOrder] };
    const [eurWizard] = await hub.call<number[]>("sale.advance.payment.inv", "create", { vals_list: [{ advance_payment_method: "delivered" }], context: eurContext });
    await hub.call("sale.advance.payment.inv", "create_invoices", { ids: [eurWizard!], context: eurContext });
    const [invoice] = await listInvoices(hub, { partnerId: partnerId! });
    expect(invoice).toMatchObject({ state: "draft", currency: "EUR" });
    const refused = await peer().json2("account.move", "action_post", { ids: [invoice!.id] });
    expect({ status: refused.status, name: refused.json.name, message: refused.json.message })
      .toEqual({ status: 422, name: "odoo.exceptions.UserError", message: "You cannot validate a document with an inactive currency: EUR" });

    async function readOrderLinesOf(order: number) {
      return hub.call<number[]>("sale.order.line", "search", { domain: [["order_id", "=", order]] });
    }
  });
});
