import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createOdooClient } from "~/server/odoo";
import { createUser } from "~/server/users/create-user";
import { CONSOLE_TEST_PASSWORD, consoleClient, signInOverHttp, trpcCode } from "../support/console-session";
import { uniqueCode } from "../support/fixtures";
import { type IsolatedStack, STACK_ODOO_API_KEY, startIsolatedStack } from "../support/isolated-stack";

/* Mapping a billing customer to an Odoo partner from the console, with an Odoo to ask. */
let stack: IsolatedStack;
let client: ReturnType<typeof consoleClient>;

beforeAll(async () => {
  stack = await startIsolatedStack();
  const email = `${uniqueCode("finance")}@nexa.test`;
  await createUser({ db: stack.db, email, password: CONSOLE_TEST_PASSWORD, role: "finance" });
  const cookie = await signInOverHttp(stack.app.baseUrl, email, CONSOLE_TEST_PASSWORD);
  client = consoleClient(stack.app.baseUrl, cookie);
});
afterAll(() => stack?.stop());

describe("linking an Odoo partner", () => {
  it("accepts a partner Odoo knows, naming it, and refuses one it does not, changing nothing", async () => {
    const odoo = createOdooClient({ baseUrl: stack.odoo.url, apiKey: STACK_ODOO_API_KEY, protocol: "json2" });
    const [partnerId] = await odoo.call<number[]>("res.partner", "create", { vals_list: [{ name: "Globex Corporation" }] });
    const customer = await stack.db.billingCustomer.create({ data: { name: "Globex" } });

    const linked = await client.identity.setOdooPartner.mutate({ billingCustomerId: customer.id, odooPartnerId: partnerId! });
    expect(linked).toMatchObject({ customer: { odooPartnerId: partnerId }, odooPartnerName: "Globex Corporation" });

    const other = await stack.db.billingCustomer.create({ data: { name: "Typo Inc" } });
    const refused = await client.identity.setOdooPartner.mutate({ billingCustomerId: other.id, odooPartnerId: 987_654_321 }).catch((caught: unknown) => caught);
    expect((refused as { data: unknown }).data).toMatchObject({ code: "UNPROCESSABLE_CONTENT", appError: { details: { odoo_partner_id: ["not_found_in_odoo"] } } });
    expect((await stack.db.billingCustomer.findUniqueOrThrow({ where: { id: other.id } })).odooPartnerId).toBeNull();
  });

  it("says Odoo is unavailable, not a server error, when it cannot ask", async () => {
    const customer = await stack.db.billingCustomer.create({ data: { name: "Initech" } });
    await fetch(`${stack.odoo.url}/__sim/faults`, { method: "POST", body: JSON.stringify({ mode: "down", count: 100 }) });
    try {
      expect(await trpcCode(client.identity.setOdooPartner.mutate({ billingCustomerId: customer.id, odooPartnerId: 1 }))).toBe("SERVICE_UNAVAILABLE");
    } finally {
      await fetch(`${stack.odoo.url}/__sim/faults`, { method: "POST", body: JSON.stringify({ mode: "none" }) });
    }
    expect((await stack.db.billingCustomer.findUniqueOrThrow({ where: { id: customer.id } })).odooPartnerId).toBeNull();
  });
});
