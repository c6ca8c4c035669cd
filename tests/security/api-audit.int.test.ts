import { describe, expect, it } from "vitest";
import { createBillingSetup, createTestService, testDb, uniqueCode } from "../support/fixtures";

/*
 * Issue 15: API changes could not be audited (audit_logs.actor_id was NOT NULL and only
 * console users wrote rows). Every write of a service key is now an audit row naming the
 * service, in the write's own transaction. Events are not: they are their own ledger
 * (usage_events, keyed by service and transaction id).
 */
describe("API writes are audited with the service as actor", () => {
  it("customers and subscriptions: create, update, plan change, terminate, delete", async () => {
    const { api, service } = await createTestService("audit");
    const setup = await createBillingSetup(api);
    const other = await createBillingSetup(api);
    const customerId = uniqueCode("c");
    expect((await api.post("/customers", { customer: { external_id: customerId, name: "First" } })).status).toBe(200);
    expect((await api.post("/customers", { customer: { external_id: customerId, name: "Renamed" } })).status).toBe(200);
    const subscriptionId = uniqueCode("s");
    expect((await api.post("/subscriptions", { subscription: { external_customer_id: customerId, plan_code: setup.planCode, external_id: subscriptionId } })).status).toBe(200);
    expect((await api.post("/subscriptions", { subscription: { external_customer_id: customerId, plan_code: other.planCode, external_id: subscriptionId } })).status).toBe(200);
    expect((await api.delete(`/subscriptions/${subscriptionId}`)).status).toBe(200);
    expect((await api.delete(`/customers/${customerId}`)).status).toBe(200);

    const db = await testDb();
    const account = await db.accountLink.findUniqueOrThrow({ where: { serviceId_externalId: { serviceId: service.id, externalId: customerId } } });
    const subscription = await db.subscription.findUniqueOrThrow({ where: { serviceId_externalId: { serviceId: service.id, externalId: subscriptionId } } });
    const rows = await db.auditLog.findMany({ where: { entityId: { in: [account.id, subscription.id] } }, orderBy: { createdAt: "asc" } });
    expect(rows.map((row) => [row.action, row.actorServiceId, row.actorId])).toEqual([
      ["customer.create", service.id, null],
      ["customer.update", service.id, null],
      ["subscription.create", service.id, null],
      ["subscription.plan_change", service.id, null],
      ["subscription.terminate", service.id, null],
      ["customer.delete", service.id, null],
    ]);
    expect(rows[1]).toMatchObject({ before: expect.objectContaining({ name: "First" }), after: expect.objectContaining({ name: "Renamed" }) });
  });
});
