import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { CONSOLE_SCREENS } from "~/components/console-screens";
import { seedDemo } from "~/scripts/support/demo-data";
import { expect, test } from "../fixtures";

// Every screen of the console's menu (a new one is checked without being listed here),
// under the heading its page gives it when that is not its menu label.
const HEADINGS: Readonly<Record<string, string>> = { "/reconciliation": "Reconciliation (Lago dual run)", "/odoo-check": "Odoo readiness check" };
const SCREENS = CONSOLE_SCREENS.map(({ path, label }) => ({ path, heading: HEADINGS[path] ?? label }));

/** axe-core over the page as rendered: WCAG 2.x A and AA rules; serious and critical violations fail. */
async function seriousViolations(page: Page) {
  const { violations } = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  return violations
    .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
    .map((violation) => `${violation.id}: ${violation.help} (${violation.nodes.map((node) => node.target.join(" ")).slice(0, 3).join(", ")})`);
}

test.beforeAll(async ({ db }) => {
  await seedDemo(db);
});

const REPORT_SCREENS = new Set(["/odoo-check", "/status", "/migration"]);

test("every screen renders for an admin at 1280px and 768px, passes axe, and nothing is blocked by the CSP", async ({ page, db, signInAs, snap }) => {
  test.setTimeout(240_000); // 24 pages and 12 axe runs, on a shared 2-core machine
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy|Refused to (execute|load|apply|connect)/i.test(message.text())) violations.push(message.text());
  });
  await signInAs("admin");
  const customer = await db.accountLink.findFirstOrThrow({ where: { externalId: "acme-corp", service: { code: "nexacloud" } } });
  const screens = [...SCREENS, { path: `/customers/${customer.billingCustomerId}`, heading: "Customer", name: "customer-page" }];
  const accessibility: Record<string, string[]> = {};
  for (const width of [1280, 768]) {
    await page.setViewportSize({ width, height: 900 });
    for (const screen of screens) {
      await page.goto(screen.path);
      await expect(page.getByRole("heading", { level: 1, name: screen.heading })).toBeVisible();
      // The Odoo check, the status and migration pages are reports, not tables: their heading and the
      // loading state are what says they rendered.
      if (!REPORT_SCREENS.has(screen.path)) await expect(page.locator('[data-testid="table-summary"], [aria-label="Subscriptions"]').first()).toBeVisible();
      await expect(page.getByRole("status", { name: "Loading" })).toHaveCount(0);
      if (width === 1280) accessibility[screen.path] = await seriousViolations(page);
      await snap(`${"name" in screen ? screen.name : screen.path.slice(1)}-${width}`);
    }
  }
  expect(accessibility).toEqual(Object.fromEntries(screens.map((screen) => [screen.path, []])));
  expect(violations).toEqual([]);
});

test("the usage explorer prices a subscription's period and charts units per day", async ({ page, signInAs, snap }) => {
  await signInAs("ops");
  await page.goto("/usage");
  await page.getByLabel("Search Subscriptions").fill("acme-cloud-1");
  await page.getByRole("row", { name: /acme-cloud-1/ }).getByRole("button", { name: "Explore" }).click();
  const usage = page.getByRole("region", { name: "Period usage" });
  // The charges table, not the events list below it (which also names vcpu_hours once loaded).
  const charges = usage.getByRole("table", { name: "Charges" });
  // Demo: 240 vCPU hours, 100 free then 0.04 → 5.60 CAD; 120 GB with 50 free at 0.10 → 7.00 CAD.
  await expect(charges.getByRole("row", { name: /vcpu_hours/ })).toContainText("CAD 5.60");
  await expect(charges.getByRole("row", { name: /Usage total/ })).toContainText("CAD 12.60");
  await expect(usage.getByRole("region", { name: "Events" }).getByRole("row", { name: /demo-vcpu-1/ })).toBeVisible();
  // Units, not events: the day of the demo's single vCPU event holds 240 hours.
  const chart = usage.getByRole("figure", { name: "Units per day: vcpu_hours" });
  await expect(chart.locator(".recharts-bar-rectangle").first()).toBeVisible();
  await expect(chart).toContainText("240"); // the Y axis reaches the day's 240 hours, not its 1 event
  expect(await seriousViolations(page)).toEqual([]);
  await snap("usage-explorer");
});
