import { beforeAll, describe, expect, it } from "vitest";
import { recordScheduleRun } from "~/server/schedules/record-schedule-run";
import { reportUsagePush } from "~/server/schedules/schedule-reports";
import { seedSubscribedCustomer } from "../webhooks/webhook-fixtures";
import { signedInAs } from "../support/console-session";
import { testDb, uniqueCode } from "../support/fixtures";

describe("jobs console", () => {
  let ops: Awaited<ReturnType<typeof signedInAs>>;
  beforeAll(async () => {
    ops = await signedInAs("ops");
  });

  it("retries every failed and dead job the filter selects, beyond the page, each audited", async () => {
    const db = await testDb();
    const { subscription } = await seedSubscribedCustomer(db, { webhookUrl: null });
    const prefix = uniqueCode("bulk");
    const job = (metricCode: string, state: "failed" | "dead" | "pending", month: number) => ({
      subscriptionId: subscription.id, metricCode, state, attempts: 5, lastError: "odoo_unavailable: HTTP 503",
      periodStart: new Date(Date.UTC(2026, month, 1)), periodEnd: new Date(Date.UTC(2026, month + 1, 1)), nextRunAt: new Date(Date.now() + 3_600_000),
    });
    await db.job.createMany({
      data: [
        ...Array.from({ length: 23 }, (_, i) => job(`${prefix}_m${i}`, "failed", 0)),
        ...Array.from({ length: 2 }, (_, i) => job(`${prefix}_d${i}`, "dead", 1)),
        ...Array.from({ length: 3 }, (_, i) => job(`${prefix}_p${i}`, "pending", 2)),
        job(`other_${prefix}`, "failed", 3),
      ],
    });
    // The screen shows 10 rows; the retry covers all 25 retryable ones its search selects.
    const filter = { search: `${prefix}_`, pageSize: 10 };
    expect(await ops.client.jobs.retryableCount.query(filter)).toBe(25);
    expect(await ops.client.jobs.retryableCount.query({ ...filter, filters: [{ id: "state", value: "dead" }] })).toBe(2);
    expect(await ops.client.jobs.retryFiltered.mutate(filter)).toEqual({ count: 25 });

    const jobs = await db.job.findMany({ where: { metricCode: { contains: prefix } } });
    const byState = (state: string) => jobs.filter((row) => row.state === state).map((row) => row.metricCode);
    expect(byState("pending")).toHaveLength(28);
    expect(byState("failed")).toEqual([`other_${prefix}`]);
    expect(jobs.filter((row) => row.state === "pending" && row.metricCode?.includes("_p")).every((row) => row.nextRunAt.getTime() > Date.now())).toBe(true);
    const audits = await db.auditLog.findMany({ where: { entityId: { in: jobs.map((row) => row.id) }, action: "job.retry" } });
    expect(audits).toHaveLength(25);
    expect(audits.every((audit) => audit.actorId === ops.user.id && (audit.after as { state: string }).state === "pending")).toBe(true);
    // Nothing left to retry: a second click queues nothing.
    expect(await ops.client.jobs.retryFiltered.mutate(filter)).toEqual({ count: 0 });
    // Due jobs of a made-up subscription would be claimed by other suites' workers.
    await db.job.deleteMany({ where: { subscriptionId: subscription.id } });
  });

  it("stores the planner's Odoo access error as a run error the Jobs screen shows", async () => {
    const db = await testDb();
    const { subscription, service } = await seedSubscribedCustomer(db, { webhookUrl: null });
    const label = `${service.code}/${subscription.externalId}`;
    // What planUsageJobs answers when Odoo refuses the hub's bot (its own tests cover that
    // decision); run against this whole shared database it would plan every suite's subscriptions.
    const planning = [
      { subscription: label, decision: "dead", detail: "odoo_access_denied: AccessError: You are not allowed to access 'Sales Order' (sale.order) records." },
      { subscription: "other/sub", decision: "planned", jobsCreated: 2 },
    ];
    await recordScheduleRun({
      db, schedule: "usage-push", trigger: "cli", report: reportUsagePush,
      run: async () => ({ worker: "push-test", planning, jobs: [{ jobId: "j1", outcome: "written" as const, units: "3", amountCents: "30", changed: true }] }),
    });

    const { schedules, recentErrors } = await ops.client.jobs.schedules.query();
    const usagePush = schedules.find((schedule) => schedule.name === "usage-push")!;
    expect(usagePush.lastRun).toMatchObject({ outcome: "partial_failure", trigger: "cli", summary: { subscriptionsPlanned: 1, jobsCreated: 2, jobsWritten: 1, jobsFailed: 0 } });
    expect(usagePush.nextExpectedAt!.getTime() - usagePush.lastRun!.startedAt.getTime()).toBe(3_600_000);
    expect(recentErrors.find((error) => error.subject === `planning ${label}`)?.message).toMatch(/not allowed to access/);
  });

  it("records a run that fails outright, and rethrows its error", async () => {
    const db = await testDb();
    await expect(recordScheduleRun({ db, schedule: "odoo-poll", trigger: "cron", report: () => ({ summary: {}, errors: [] }), run: () => Promise.reject(new Error("Odoo is not configured")) }))
      .rejects.toThrow("Odoo is not configured");
    const { schedules, recentErrors } = await ops.client.jobs.schedules.query();
    expect(schedules.find((schedule) => schedule.name === "odoo-poll")?.lastRun).toMatchObject({ outcome: "failed", error: "Odoo is not configured" });
    expect(recentErrors[0]).toMatchObject({ schedule: "odoo-poll", subject: "the whole run", message: "Odoo is not configured" });
  });
});
