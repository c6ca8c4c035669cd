import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "../fixtures";

/*
 * The status page: ops sees readiness, the backlogs and what is dead at a glance, with a
 * dead job linking to the Jobs screen filtered on it; finance has no such page.
 */
test("ops reads readiness, backlogs and dead work at a glance, and follows a dead job to the Jobs screen", async ({ page, db, signInAs, snap }) => {
  const dead = await db.job.create({ data: { kind: "lago_import", state: "dead", payload: {}, attempts: 5, lastError: "e2e: Lago answered 500 five times" } });
  try {
    await signInAs("ops");
    await page.goto("/");
    await page.getByRole("navigation", { name: "Console" }).getByRole("link", { name: "Status" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Status" })).toBeVisible();

    await expect(page.getByRole("region", { name: "Needs attention" })).toContainText(/\d+ dead lago import jobs?/);
    const checks = page.getByRole("table", { name: "Readiness checks" });
    await expect(checks.getByRole("row", { name: /Database/ })).toContainText(/Ready.*answered in \d+ ms/);
    // The suites' app has no Odoo: said plainly, not a failure.
    await expect(checks.getByRole("row", { name: /Odoo/ })).toContainText("Not configured");
    await expect(page.getByRole("region", { name: "Webhooks and forwarding" })).toContainText("Dead deliveries");
    await expect(page.getByRole("region", { name: "Schedules" }).getByRole("row", { name: /Webhook drain/ })).toBeVisible();

    const { violations } = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
    expect(violations.filter((violation) => violation.impact === "serious" || violation.impact === "critical").map((violation) => violation.id)).toEqual([]);
    await snap("status");

    await page.getByRole("table", { name: "Jobs by kind" }).getByRole("row", { name: /Lago import/ }).getByRole("link").click();
    await expect(page).toHaveURL(/\/jobs\?.*f\.state=dead/);
    await expect(page.getByRole("region", { name: "Jobs" }).getByRole("row", { name: /Lago answered 500 five times/ })).toContainText("Dead");
  } finally {
    await db.job.delete({ where: { id: dead.id } });
  }
});

test("finance has no status page", async ({ page, signInAs }) => {
  await signInAs("finance");
  await page.goto("/status");
  await expect(page.getByText("Not allowed")).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Console" }).getByRole("link", { name: "Status" })).toHaveCount(0);
});
