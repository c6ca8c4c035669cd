import { TRPCClientError } from "@trpc/client";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { CONSOLE_TEST_PASSWORD as PASSWORD, consoleClient, signedInAs, signInOverHttp, trpcCode } from "../support/console-session";
import { apiClient, createTestService, testDb, uniqueCode } from "../support/fixtures";

const baseUrl = () => inject("baseUrl");

const metricInput = () => ({ code: uniqueCode("metric"), name: "Metric", aggregationType: "sum_agg" as const, fieldName: "units" });

describe("console roles over HTTP", () => {
  let finance: Awaited<ReturnType<typeof signedInAs>>;
  let ops: Awaited<ReturnType<typeof signedInAs>>;
  let admin: Awaited<ReturnType<typeof signedInAs>>;

  beforeAll(async () => {
    [finance, ops, admin] = await Promise.all([signedInAs("finance"), signedInAs("ops"), signedInAs("admin")]);
  });

  it("refuses a wrong password and anonymous calls", async () => {
    expect(await signInOverHttp(baseUrl(), "nobody@nexa.test", PASSWORD)).toBeNull();
    expect(await signInOverHttp(baseUrl(), finance.user.email, "wrong password")).toBeNull();
    expect(await trpcCode(consoleClient(baseUrl(), null).users.me.query())).toBe("UNAUTHORIZED");
  });

  it("finance cannot rotate a key or list services", async () => {
    const { service } = await createTestService();
    expect(await trpcCode(finance.client.services.rotateKey.mutate({ id: service.id }))).toBe("FORBIDDEN");
    expect(await trpcCode(finance.client.services.list.query({}))).toBe("FORBIDDEN");
  });

  it("ops cannot edit the catalog", async () => {
    expect(await trpcCode(ops.client.catalog.createMetric.mutate(metricInput()))).toBe("FORBIDDEN");
    expect(await trpcCode(ops.client.catalog.listPlans.query({}))).toBe("FORBIDDEN");
  });

  it("finance edits the catalog and the change is audited", async () => {
    const input = metricInput();
    const metric = await finance.client.catalog.createMetric.mutate(input);
    const audit = await (await testDb()).auditLog.findFirstOrThrow({ where: { entityId: metric.id } });
    expect(audit).toMatchObject({ actorId: finance.user.id, action: "billable_metric.create", entityType: "billable_metric", before: null });
    expect(audit.after).toMatchObject({ code: input.code, aggregationType: "sum_agg" });
  });

  it("a catalog update changes only the fields it names (defaults are for creates)", async () => {
    const metric = await finance.client.catalog.createMetric.mutate({ ...metricInput(), recurring: true });
    await finance.client.catalog.updateMetric.mutate({ code: metric.code, changes: { name: "Renamed metric" } });
    const plan = await finance.client.catalog.createPlan.mutate({
      code: uniqueCode("plan"), name: "Prepaid", interval: "monthly", amountCents: 2900n, amountCurrency: "USD", payInAdvance: true,
      charges: [{ billableMetricCode: metric.code, chargeModel: "standard", properties: { amount: "0.10" } }],
    });
    await finance.client.catalog.updatePlan.mutate({ code: plan.code, changes: { name: "Prepaid, renamed" } });
    const db = await testDb();
    expect(await db.billableMetric.findUniqueOrThrow({ where: { code: metric.code } })).toMatchObject({ name: "Renamed metric", recurring: true });
    const stored = await db.plan.findUniqueOrThrow({ where: { code: plan.code }, include: { charges: true } });
    expect(stored).toMatchObject({ name: "Prepaid, renamed", payInAdvance: true });
    expect(stored.charges).toHaveLength(1);
  });

  it("admin rotates a key: the old one gets 401, the new one 200, and an audit row without secrets", async () => {
    const { service, apiKey: oldKey } = await createTestService();
    const { apiKey: newKey, service: rotated } = await admin.client.services.rotateKey.mutate({ id: service.id });
    expect(newKey).not.toBe(oldKey);
    expect(rotated).not.toHaveProperty("apiKeyHash");
    expect((await apiClient(oldKey).get("/customers")).status).toBe(401);
    expect((await apiClient(newKey).get("/customers")).status).toBe(200);

    const audit = await (await testDb()).auditLog.findFirstOrThrow({ where: { entityId: service.id, action: "service.rotate_api_key" } });
    expect(audit.actorId).toBe(admin.user.id);
    expect(JSON.stringify(audit)).not.toMatch(/apiKeyHash|webhookSecret/);
    expect(audit.after).toMatchObject({ apiKeyPrefix: newKey.slice(0, 10) });
  });

  it("admin can do everything: catalog and operations too", async () => {
    await expect(admin.client.catalog.createMetric.mutate(metricInput())).resolves.toMatchObject({ aggregationType: "sum_agg" });
    await expect(admin.client.jobs.list.query({})).resolves.toHaveProperty("totalCount");
  });

  it("maps domain errors to tRPC codes with Lago-style details", async () => {
    const input = metricInput();
    await finance.client.catalog.createMetric.mutate(input);
    const error = await finance.client.catalog.createMetric.mutate(input).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(TRPCClientError);
    expect((error as TRPCClientError<any>).data).toMatchObject({ code: "UNPROCESSABLE_CONTENT", appError: { code: "validation_errors", details: { code: ["value_already_exist"] } } });
  });

  it("a table filter on an unknown enum value is a bad request, not a server error", async () => {
    const filters = [{ id: "state", value: "exploded" }];
    expect(await trpcCode(ops.client.jobs.list.query({ filters }))).toBe("BAD_REQUEST");
    expect(await trpcCode(ops.client.webhooks.list.query({ filters }))).toBe("BAD_REQUEST");
    expect(await trpcCode(admin.client.users.list.query({ filters: [{ id: "role", value: "root" }] }))).toBe("BAD_REQUEST");
  });

  it("a deactivated user's session stops working at once", async () => {
    const victim = await signedInAs("ops");
    await admin.client.users.update.mutate({ id: victim.user.id, active: false });
    expect(await trpcCode(victim.client.jobs.list.query({}))).toBe("UNAUTHORIZED");
  });
});
