import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { upsertCustomer } from "~/server/identity/upsert-customer";
import { at, type Lifecycle, pushWarningsOf, startLifecycle, subscribe } from "../support/billing-lifecycle";

/*
 * A customer's address, phone and tax number as the app gives them through Lago's
 * customer API, on its Odoo partner: written on the first push, and again whenever the
 * app changes them; a state Odoo does not know is said, not guessed.
 */
let life: Lifecycle;
beforeAll(async () => {
  life = await startLifecycle({ firstDay: "2026-01-01" });
}, 120_000);
afterAll(() => life?.stop());

type Sub = Awaited<ReturnType<typeof subscribe>>;
async function partnerOf(sub: Sub) {
  const [order] = await life.odoo.call<Array<{ partner_id: [number, string] }>>("sale.order", "search_read", { domain: [["client_order_ref", "=", sub.orderRef]], fields: ["partner_id"] });
  const [partner] = await life.odoo.call<Array<Record<string, unknown> & { id: number }>>("res.partner", "read", {
    ids: [order!.partner_id[0]], fields: ["street", "street2", "city", "zip", "state_id", "country_id", "phone", "vat"],
  });
  return partner!;
}

describe("a customer's address on its Odoo partner", () => {
  let sub: Sub;
  const change = (fields: Parameters<typeof upsertCustomer>[0]["fields"]) => upsertCustomer({ db: life.db, serviceId: sub.serviceId, externalId: sub.customerExternalId, fields });

  beforeAll(async () => {
    sub = await subscribe(life.db, { subscriptionAt: at("2026-01-01"), feeCents: 2900n, payInAdvance: false, unitPrice: "0.50" });
  });

  it("is written on the first push, the province resolved to Odoo's state (which decides its sales taxes)", async () => {
    await change({ addressLine1: "100 Queen St W", addressLine2: "Suite 5", city: "Toronto", zipcode: "M5H 2N2", country: "ca", state: "Ontario", phone: "+1 416 555 0100", taxIdentificationNumber: "123456789RT0001" });
    expect(pushWarningsOf(await life.push(at("2026-01-01", 1)), sub)).toEqual([]);
    expect(await partnerOf(sub)).toMatchObject({
      street: "100 Queen St W", street2: "Suite 5", city: "Toronto", zip: "M5H 2N2", state_id: [expect.any(Number), "Ontario"], country_id: [expect.any(Number), "Canada"],
      phone: "+1 416 555 0100", vat: "123456789RT0001",
    });
  });

  it("follows the app's change (a state by its code) on the next push, and writes nothing while nothing changed", async () => {
    await change({ city: "Montréal", state: "QC", zipcode: "H2Y 1C6" });
    await life.push(at("2026-01-02", 1));
    expect(await partnerOf(sub)).toMatchObject({ city: "Montréal", zip: "H2Y 1C6", state_id: [expect.any(Number), "Quebec"], street: "100 Queen St W" });
    // Edited in Odoo since: the hub does not overwrite it until the app changes the customer again.
    const partner = await partnerOf(sub);
    await life.odoo.call("res.partner", "write", { ids: [partner.id], vals: { street: "Edited in Odoo" } });
    await life.push(at("2026-01-02", 2));
    expect(await partnerOf(sub)).toMatchObject({ street: "Edited in Odoo" });
  });

  it("says which state Odoo does not know, and writes the rest", async () => {
    await change({ state: "Atlantis", city: "Halifax" });
    const run = await life.push(at("2026-01-03", 1));
    expect(pushWarningsOf(run, sub)).toEqual([expect.stringContaining("Odoo knows no state Atlantis of CA")]);
    expect(await partnerOf(sub)).toMatchObject({ city: "Halifax", state_id: [expect.any(Number), "Quebec"] });
  });
});
