import { TRPCClientError } from "@trpc/client";
import { beforeAll, describe, expect, it } from "vitest";
import { signedInAs, trpcCode } from "../support/console-session";
import { createTestService, testDb, uniqueCode } from "../support/fixtures";

/** One app account under a billing customer of its own. */
async function appAccount(name: string) {
  const db = await testDb();
  const { service } = await createTestService("idn");
  const billingCustomer = await db.billingCustomer.create({ data: { name } });
  return db.accountLink.create({ data: { serviceId: service.id, externalId: uniqueCode("acct"), name, billingCustomerId: billingCustomer.id } });
}

describe("identity links over HTTP", () => {
  let finance: Awaited<ReturnType<typeof signedInAs>>;
  let ops: Awaited<ReturnType<typeof signedInAs>>;

  beforeAll(async () => {
    [finance, ops] = await Promise.all([signedInAs("finance"), signedInAs("ops")]);
  });

  it("refuses a link to a billing customer that does not exist, and moves nothing", async () => {
    const account = await appAccount("Lonely");
    const missing = "00000000-0000-4000-8000-000000000000";
    expect(await trpcCode(finance.client.identity.linkAccount.mutate({ accountLinkId: account.id, billingCustomerId: missing }))).toBe("NOT_FOUND");
    expect(await trpcCode(finance.client.identity.linkAccount.mutate({ accountLinkId: account.id, billingCustomerId: "not-a-uuid" }))).toBe("BAD_REQUEST");
    const after = await (await testDb()).accountLink.findUniqueOrThrow({ where: { id: account.id } });
    expect(after.billingCustomerId).toBe(account.billingCustomerId);
  });

  it("ops may not relink accounts", async () => {
    const [a, b] = await Promise.all([appAccount("A"), appAccount("B")]);
    expect(await trpcCode(ops.client.identity.linkAccount.mutate({ accountLinkId: a.id, billingCustomerId: b.billingCustomerId }))).toBe("FORBIDDEN");
  });

  it("one Odoo partner belongs to one billing customer", async () => {
    const [a, b] = await Promise.all([appAccount("A"), appAccount("B")]);
    const partnerId = 700_000_000 + Math.floor(Math.random() * 100_000_000);
    await finance.client.identity.setOdooPartner.mutate({ billingCustomerId: a.billingCustomerId, odooPartnerId: partnerId });
    const error = await finance.client.identity.setOdooPartner.mutate({ billingCustomerId: b.billingCustomerId, odooPartnerId: partnerId }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(TRPCClientError);
    expect((error as TRPCClientError<any>).data).toMatchObject({ code: "UNPROCESSABLE_CONTENT", appError: { details: { odoo_partner_id: ["value_already_exist"] } } });
  });
});
