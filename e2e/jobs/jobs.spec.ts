import { seedSubscribedCustomer } from "~/tests/webhooks/webhook-fixtures";
import { expect, test } from "../fixtures";

test("ops retries a failed Odoo push job after reading its error", async ({ page, db, signInAs }) => {
  const { subscription } = await seedSubscribedCustomer(db, { webhookUrl: null });
  const failed = await db.job.create({
    data: {
      subscriptionId: subscription.id, metricCode: "e2e_storage_gb", state: "failed", attempts: 5,
      periodStart: new Date("2026-10-01T00:00:00Z"), periodEnd: new Date("2026-11-01T00:00:00Z"),
      nextRunAt: new Date(Date.now() + 3_600_000), lastError: "odoo_unavailable: HTTP 503 from /json/2/sale.order/write",
    },
  });

  await signInAs("ops");
  await page.goto("/jobs");
  const table = page.getByRole("region", { name: "Jobs" });
  await table.getByLabel("Search Jobs").fill("e2e_storage_gb");
  const row = table.getByRole("row", { name: new RegExp(subscription.externalId) });
  await expect(row).toContainText("failed");
  await expect(row).toContainText("HTTP 503 from /json/2/sale.order/write");

  await row.getByRole("button", { name: "Retry" }).click();
  await page.getByRole("dialog", { name: "Retry this job?" }).getByRole("button", { name: "Retry" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Job queued for retry" })).toBeVisible();
  await expect(row).toContainText("pending");
  await expect(row.getByRole("button", { name: "Retry" })).toHaveCount(0);

  const job = await db.job.findUniqueOrThrow({ where: { id: failed.id } });
  expect(job.state).toBe("pending");
  expect(job.nextRunAt.getTime()).toBeLessThanOrEqual(Date.now());
});
