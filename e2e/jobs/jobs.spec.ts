import { seedSubscribedCustomer } from "~/tests/webhooks/webhook-fixtures";
import { confirmation, expect, expectSummary, test, toast, uniqueCode } from "../fixtures";

const failedJobs = (subscriptionId: string, prefix: string, count: number) =>
  Array.from({ length: count }, (_, i) => ({
    subscriptionId, metricCode: `${prefix}_${String(i).padStart(2, "0")}`, state: "failed" as const, attempts: 5,
    periodStart: new Date("2026-10-01T00:00:00Z"), periodEnd: new Date("2026-11-01T00:00:00Z"),
    nextRunAt: new Date(Date.now() + 3_600_000), lastError: "odoo_unavailable: HTTP 503 from /json/2/sale.order/write",
  }));

test("ops retries a failed Odoo push job after reading its error", async ({ page, db, signInAs }) => {
  const { subscription } = await seedSubscribedCustomer(db, { webhookUrl: null });
  const failed = await db.job.create({ data: failedJobs(subscription.id, "e2e_storage_gb", 1)[0]! });

  await signInAs("ops");
  await page.goto("/jobs");
  const table = page.getByRole("region", { name: "Jobs" });
  await table.getByLabel("Search Jobs").fill("e2e_storage_gb");
  const row = table.getByRole("row", { name: new RegExp(subscription.externalId) });
  await expect(row).toContainText("Failed");
  await expect(row).toContainText("HTTP 503 from /json/2/sale.order/write");

  await row.getByRole("button", { name: "Retry" }).click();
  await confirmation(page, "Retry this job?").getByRole("button", { name: "Retry" }).click();
  await expect(toast(page, "Job queued for retry")).toBeVisible();
  await expect(row).toContainText("Pending");
  await expect(row.getByRole("button", { name: "Retry" })).toHaveCount(0);

  const job = await db.job.findUniqueOrThrow({ where: { id: failed.id } });
  expect(job.state).toBe("pending");
  expect(job.nextRunAt.getTime()).toBeLessThanOrEqual(Date.now());
});

test("ops retries every failed job of the filter in one go, and reads the planner's Odoo error", async ({ page, db, signInAs, snap }) => {
  const { subscription, service } = await seedSubscribedCustomer(db, { webhookUrl: null });
  const prefix = uniqueCode("bulk");
  await db.job.createMany({ data: failedJobs(subscription.id, prefix, 12) });
  const planningError = `odoo_access_denied: AccessError on sale.order for ${subscription.externalId}`;
  await db.scheduleRun.create({
    data: {
      schedule: "usage-push", trigger: "cron", startedAt: new Date(), finishedAt: new Date(), outcome: "partial_failure",
      summary: { subscriptionsPlanned: 0 }, errors: [{ subject: `planning ${service.code}/${subscription.externalId}`, message: planningError }],
    },
  });

  await signInAs("ops");
  await page.goto("/jobs");
  await expect(page.getByRole("region", { name: "Recent run errors" })).toContainText(planningError);
  await expect(page.getByRole("region", { name: "Schedules" }).getByRole("row", { name: /Usage push to Odoo/ })).toContainText("Ran with errors");
  const table = page.getByRole("region", { name: "Jobs" });
  await table.getByLabel("Search Jobs").fill(prefix);
  await table.getByLabel("Filter by State").selectOption("failed");
  await expectSummary(page, "Jobs", "12 rows · page 1 of 2");
  await snap("jobs-bulk-retry");

  await table.getByRole("button", { name: "Retry all failed in filter" }).click();
  const dialog = confirmation(page, "Retry 12 failed or dead jobs?");
  await expect(dialog).toContainText("including those on other pages");
  await dialog.getByRole("button", { name: "Retry 12 jobs" }).click();
  await expect(toast(page, "12 jobs queued for retry")).toBeVisible();
  await expectSummary(page, "Jobs", "0 rows · page 0 of 0");
  expect(await db.job.count({ where: { metricCode: { startsWith: prefix }, state: "pending" } })).toBe(12);
  expect(await db.auditLog.count({ where: { action: "job.retry", entityId: { in: (await db.job.findMany({ where: { metricCode: { startsWith: prefix } } })).map((job) => job.id) } } })).toBe(12);
});

test("the jobs filter survives a visit to the customer page and Back", async ({ page, db, signInAs }) => {
  const { subscription, customer } = await seedSubscribedCustomer(db, { webhookUrl: null });
  const prefix = uniqueCode("back");
  await db.job.createMany({ data: failedJobs(subscription.id, prefix, 3) });
  await signInAs("ops");
  await page.goto("/jobs");
  const table = page.getByRole("region", { name: "Jobs" });
  await table.getByLabel("Search Jobs").fill(prefix);
  await table.getByLabel("Filter by State").selectOption("failed");
  await expectSummary(page, "Jobs", "3 rows · page 1 of 1");
  await expect(page).toHaveURL(new RegExp(`q=${prefix}.*f.state=failed|f.state=failed.*q=${prefix}`));

  await table.getByRole("link", { name: customer.externalId }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: "Customer" })).toBeVisible();
  await page.goBack();
  await expect(table.getByLabel("Search Jobs")).toHaveValue(prefix);
  await expect(table.getByLabel("Filter by State")).toHaveValue("failed");
  await expectSummary(page, "Jobs", "3 rows · page 1 of 1");
});
