import { expect, expectSummary, test, uniqueCode } from "../fixtures";

test("finance creates a metric and a plan, with a live price preview", async ({ page, db, signInAs, snap }) => {
  await signInAs("finance");
  const metricCode = uniqueCode("api_calls");
  const planCode = uniqueCode("starter");
  await page.goto("/catalog");

  await page.getByRole("button", { name: "New metric" }).click();
  const metricDialog = page.getByRole("dialog", { name: "New metric" });
  await metricDialog.getByLabel("Code").fill(metricCode);
  await metricDialog.getByLabel("Name", { exact: true }).fill("API calls");
  await metricDialog.getByLabel("Aggregation").selectOption("sum_agg");
  await metricDialog.getByLabel("Field name").fill("calls");
  await metricDialog.getByLabel("Field name").press("Enter");
  await expect(page.getByTestId("toast-success").filter({ hasText: `Metric ${metricCode} created` })).toBeVisible();

  await page.getByRole("button", { name: "New plan" }).click();
  const planDialog = page.getByRole("dialog", { name: "New plan" });
  await planDialog.getByLabel("Code").fill(planCode);
  await planDialog.getByLabel("Name", { exact: true }).fill("Starter");
  await planDialog.getByLabel("Subscription fee").fill("29.00");
  await planDialog.getByLabel(/Bill the fee in advance/).check();
  await planDialog.getByRole("button", { name: "Add charge" }).click();
  await planDialog.getByLabel("Metric").selectOption(metricCode);
  const properties = planDialog.getByLabel("Properties (JSON)");

  await properties.fill('{"amount": "abc"}');
  await expect(planDialog.getByText("properties.amount: invalid_amount")).toBeVisible();
  await expect(planDialog.getByTestId("charge-0-preview")).toHaveText("Fix the properties to preview");

  await properties.fill('{"amount": "0.10", "free_units": "250"}');
  await expect(planDialog.getByTestId("charge-0-preview")).toHaveText("1,250 units → 100.00 USD");
  await planDialog.getByLabel("Preview units").fill("1000");
  await expect(planDialog.getByTestId("charge-0-preview")).toHaveText("1,000 units → 75.00 USD");
  await snap("catalog-plan-form");

  await planDialog.getByRole("button", { name: "Create plan" }).click();
  await expect(page.getByTestId("toast-success").filter({ hasText: `Plan ${planCode} created` })).toBeVisible();
  const plans = page.getByRole("region", { name: "Plans" });
  await plans.getByLabel("Search Plans").fill(planCode);
  await expectSummary(page, "Plans", "1 row · page 1 of 1");
  await expect(plans.getByRole("row", { name: new RegExp(planCode) })).toContainText(`29.00 USD`);
  await expect(plans.getByRole("row", { name: new RegExp(planCode) })).toContainText(`${metricCode} (standard)`);
  await snap("catalog");

  // Editing the name keeps everything else, the in-advance billing included.
  await plans.getByRole("row", { name: new RegExp(planCode) }).getByRole("button", { name: "Edit" }).click();
  const editDialog = page.getByRole("dialog", { name: `Edit plan ${planCode}` });
  await expect(editDialog.getByLabel(/Bill the fee in advance/)).toBeChecked();
  await editDialog.getByLabel("Name", { exact: true }).fill("Starter 2026");
  await editDialog.getByRole("button", { name: "Save plan" }).click();
  await expect(page.getByTestId("toast-success").filter({ hasText: `Plan ${planCode} saved` })).toBeVisible();
  expect(await db.plan.findUniqueOrThrow({ where: { code: planCode } })).toMatchObject({ name: "Starter 2026", payInAdvance: true });
});

test("ops cannot open the catalog", async ({ page, signInAs }) => {
  await signInAs("ops");
  await page.goto("/catalog");
  await expect(page.getByRole("alert").filter({ hasText: /./ })).toContainText("The ops role cannot open Catalog");
});
