import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { appRouter } from "~/server/trpc/root";
import { signedInAs, trpcCode } from "../support/console-session";

type Client = Awaited<ReturnType<typeof signedInAs>>["client"];

/*
 * Every console procedure that names a row answers a bad id as the console can say it:
 * NOT_FOUND for an id of nothing, BAD_REQUEST for one that is no id at all — never a 500,
 * never an empty answer that reads as "exists, but has nothing".
 */
const missing = randomUUID();
const day = "2026-11-01";
const UNKNOWN: Record<string, (client: Client) => Promise<unknown>> = {
  "customers.get": (c) => c.customers.get.query({ id: missing }),
  "customers.invoices": (c) => c.customers.invoices.query({ id: missing }),
  "customers.orderWarnings": (c) => c.customers.orderWarnings.query({ id: missing }),
  "identity.getCustomer": (c) => c.identity.getCustomer.query({ id: missing }),
  "identity.linkAccount": (c) => c.identity.linkAccount.mutate({ accountLinkId: missing }),
  "identity.setOdooPartner": (c) => c.identity.setOdooPartner.mutate({ billingCustomerId: missing, odooPartnerId: null }),
  "usage.periodUsage": (c) => c.usage.periodUsage.query({ subscriptionId: missing }),
  "usage.listEvents": (c) => c.usage.listEvents.query({ subscriptionId: missing, from: new Date(`${day}T00:00:00Z`), to: new Date(), query: {} }),
  "jobs.retry": (c) => c.jobs.retry.mutate({ id: missing }),
  "webhooks.get": (c) => c.webhooks.get.query({ id: missing }),
  "webhooks.replay": (c) => c.webhooks.replay.mutate({ id: missing }),
  "webhooks.replayDead": (c) => c.webhooks.replayDead.mutate({ serviceCode: "no-such-service" }),
  "webhooks.replayLagoForward": (c) => c.webhooks.replayLagoForward.mutate({ id: missing }),
  "reconciliation.getRun": (c) => c.reconciliation.getRun.query({ id: missing }),
  "reconciliation.listLines": (c) => c.reconciliation.listLines.query({ runId: missing, query: {} }),
  "reconciliation.totals": (c) => c.reconciliation.totals.query({ runId: missing, query: {} }),
  "reconciliation.serviceCodes": (c) => c.reconciliation.serviceCodes.query({ runId: missing }),
  "reconciliation.getLine": (c) => c.reconciliation.getLine.query({ id: missing }),
  "services.update": (c) => c.services.update.mutate({ id: missing, name: "x" }),
  "services.setActive": (c) => c.services.setActive.mutate({ id: missing, active: false }),
  "services.rotateKey": (c) => c.services.rotateKey.mutate({ id: missing }),
  "services.revealWebhookSecret": (c) => c.services.revealWebhookSecret.mutate({ id: missing }),
  "services.rotateWebhookSecret": (c) => c.services.rotateWebhookSecret.mutate({ id: missing }),
  "services.setLagoConnection": (c) => c.services.setLagoConnection.mutate({ id: missing, lagoApiUrl: null }),
  "services.setBillingMode": (c) => c.services.setBillingMode.mutate({ id: missing, mode: "live" }),
  "users.update": (c) => c.users.update.mutate({ id: missing, name: "x" }),
  "catalog.updateMetric": (c) => c.catalog.updateMetric.mutate({ code: "no_such_metric", changes: { name: "x" } }),
  "catalog.updatePlan": (c) => c.catalog.updatePlan.mutate({ code: "no_such_plan", changes: { name: "x" } }),
  "migration.scheduleCutover": (c) => c.migration.scheduleCutover.mutate({ serviceCode: "no-such-service", confirmation: "no-such-service" }),
  "migration.rollBackCutover": (c) => c.migration.rollBackCutover.mutate({ serviceCode: "no-such-service", confirmation: "no-such-service" }),
  "lagoImport.start": (c) => c.lagoImport.start.mutate({ serviceCode: "no-such-service", baseUrl: "http://127.0.0.1:9/api/v1", apiKey: "k" }),
};

// Procedures that name no existing row (lists, creates, checks). reconciliation.start's
// service code is refused by the domain too, but only once Odoo is configured (a 503 first).
const NO_ID = new Set([
  "services.list", "services.create", "catalog.listMetrics", "catalog.createMetric", "catalog.listPlans", "catalog.createPlan",
  "customers.list", "identity.listAccounts", "usage.listSubscriptions", "jobs.list", "jobs.retryableCount", "jobs.retryFiltered",
  "jobs.schedules", "webhooks.list", "webhooks.serviceCodes", "webhooks.listLagoForwards", "users.me", "users.list", "users.create", "audit.list",
  "reconciliation.listRuns", "reconciliation.trend", "reconciliation.start", "lagoImport.listRuns", "odooCheck.run", "status.get", "migration.list",
]);

describe("console procedures given ids of nothing", () => {
  let admin: Client;
  beforeAll(async () => {
    admin = (await signedInAs("admin")).client;
  });

  it("covers every procedure of the console's router", () => {
    const procedures = Object.keys(appRouter._def.procedures).sort();
    expect(procedures.filter((path) => !(path in UNKNOWN) && !NO_ID.has(path))).toEqual([]);
    expect([...Object.keys(UNKNOWN), ...NO_ID].filter((path) => !procedures.includes(path))).toEqual([]);
  });

  it.each(Object.keys(UNKNOWN))("%s answers NOT_FOUND for an unknown id", async (path) => {
    expect({ path, code: await trpcCode(UNKNOWN[path]!(admin)) }).toEqual({ path, code: "NOT_FOUND" });
  });

  it("answers BAD_REQUEST for ids that are not ids", async () => {
    expect(await trpcCode(admin.customers.get.query({ id: "1 OR 1=1" }))).toBe("BAD_REQUEST");
    expect(await trpcCode(admin.reconciliation.getRun.query({ id: "42" }))).toBe("BAD_REQUEST");
    expect(await trpcCode(admin.jobs.retry.mutate({ id: "" }))).toBe("BAD_REQUEST");
  });
});
