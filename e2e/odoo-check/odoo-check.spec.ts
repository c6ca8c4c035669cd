import { type OdooSimulator, startOdooSimulator } from "~/odoo-sim";
import { type RunningApp, startApp } from "~/tests/support/app-server";
import { expect, test } from "../fixtures";

/*
 * The readiness check screen: admins only, a clear error without a configured Odoo, and
 * the report by section from a second `next start` of the same database wired to the
 * simulator (session cookies are per host, so the sign-in carries over).
 */
let odoo: OdooSimulator;
let wired: RunningApp;

test.beforeAll(async () => {
  odoo = await startOdooSimulator({ apiKey: "e2e-odoo-check-key", activeCurrencies: ["CAD"] });
  wired = await startApp({ DATABASE_URL: process.env.E2E_DATABASE_URL!, ODOO_URL: odoo.url, ODOO_API_KEY: "e2e-odoo-check-key" });
});
test.afterAll(async () => {
  await wired?.stop();
  await odoo?.close();
});

test("an admin runs the Odoo readiness check and reads it by section", async ({ page, signInAs, snap }) => {
  await signInAs("admin");
  await page.goto("/");
  await page.getByRole("navigation", { name: "Console" }).getByRole("link", { name: "Odoo check" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Odoo readiness check" })).toBeVisible();
  await page.getByRole("button", { name: "Run check" }).click();
  // (Next.js announces route changes in an alert too.)
  await expect(page.getByRole("alert").filter({ hasText: "Odoo is not configured" })).toHaveText("Odoo is not configured: set ODOO_URL and ODOO_API_KEY");

  await page.goto(`${wired.baseUrl}/odoo-check`);
  await page.getByRole("button", { name: "Run check" }).click();
  await expect(page.getByTestId("odoo-check-summary")).toContainText(/\d+ passed, 3 warnings, \d+ failed/);
  // Earlier specs share this database and map made-up Odoo ids (partner #4242, random
  // orders) the simulator never had: those mappings, and only they, may fail here.
  for (const row of await page.locator("tr", { hasText: /^FAIL/ }).allInnerTexts()) expect(row).toMatch(/^FAIL\s+(Partners|Orders) \(\d+ mapped\).*is gone from Odoo/s);
  const modules = page.getByRole("table", { name: "Modules" });
  await expect(modules.getByRole("row", { name: /sale_subscription/ })).toContainText("pass");
  await expect(modules.getByRole("row", { name: /payment_stripe/ })).toContainText("warn");
  await expect(page.getByRole("table", { name: "Access" }).getByRole("row", { name: /write sale\.order\.line/ })).toContainText("write each period's usage");
  await snap("odoo-check-1280");
  await expect(page.getByRole("button", { name: "Run again" })).toBeEnabled();
});

test("ops has no Odoo check", async ({ page, signInAs }) => {
  await signInAs("ops");
  await page.goto("/jobs");
  await expect(page.getByRole("navigation", { name: "Console" }).getByRole("link", { name: "Odoo check" })).toHaveCount(0);
  await page.goto("/odoo-check");
  await expect(page.getByText("Not allowed")).toBeVisible();
});
