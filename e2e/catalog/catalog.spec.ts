import { expect, expectSummary, test, toast, uniqueCode } from "../fixtures";

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
  await expect(toast(page, `Metric ${metricCode} created`)).toBeVisible();

  await page.getByRole("button", { name: "New plan" }).click();
  const planDialog = page.getByRole("dialog", { name: "New plan" });
  await planDialog.getByLabel("Code").fill(planCode);
  await planDialog.getByLabel("Name", { exact: true }).fill("Starter");
  await planDialog.getByLabel("Subscription fee").fill("29.00");
  await planDialog.getByLabel(/Bill the fee in advance/).check();
  await planDialog.getByRole("button", { name: "Add charge" }).click();
  await planDialog.getByLabel("Metric").selectOption(metricCode);
  const price = planDialog.getByLabel("Price per unit (USD)");

  await price.fill("abc");
  await expect(price).toHaveAttribute("aria-invalid", "true");
  await expect(planDialog.getByText("Enter an amount such as 0.05: digits, optionally a dot and decimals, no sign.")).toBeVisible();
  await expect(planDialog.getByTestId("charge-0-preview")).toHaveText("Fix the highlighted fields to preview.");

  await price.fill("0.10");
  await planDialog.getByLabel("Free units").fill("250");
  await expect(planDialog.getByTestId("charge-0-preview")).toContainText("1,250 units, 250 free, 1,000 billable → USD 100.00");
  await planDialog.getByLabel("Preview units").fill("1000");
  await expect(planDialog.getByTestId("charge-0-total")).toHaveText("USD 75.00");
  await snap("catalog-plan-form");

  await planDialog.getByRole("button", { name: "Create plan" }).click();
  await expect(toast(page, `Plan ${planCode} created`)).toBeVisible();
  const plans = page.getByRole("region", { name: "Plans" });
  await plans.getByLabel("Search Plans").fill(planCode);
  await expectSummary(page, "Plans", "1 row · page 1 of 1");
  await expect(plans.getByRole("row", { name: new RegExp(planCode) })).toContainText("USD 29.00");
  await expect(plans.getByRole("row", { name: new RegExp(planCode) })).toContainText(`${metricCode} (standard)`);
  await snap("catalog");

  // Editing the name keeps everything else, the in-advance billing included.
  await plans.getByRole("row", { name: new RegExp(planCode) }).getByRole("button", { name: "Edit" }).click();
  const editDialog = page.getByRole("dialog", { name: `Edit plan ${planCode}` });
  await expect(editDialog.getByLabel(/Bill the fee in advance/)).toBeChecked();
  await editDialog.getByLabel("Name", { exact: true }).fill("Starter 2026");
  await editDialog.getByRole("button", { name: "Save plan" }).click();
  await expect(toast(page, `Plan ${planCode} saved`)).toBeVisible();
  expect(await db.plan.findUniqueOrThrow({ where: { code: planCode } })).toMatchObject({ name: "Starter 2026", payInAdvance: true });
});

test("graduated tiers: add and remove rows, a message on the wrong cell, the per-tier breakdown", async ({ page, db, signInAs, snap }) => {
  await signInAs("finance");
  const metricCode = uniqueCode("gb");
  await db.billableMetric.create({ data: { code: metricCode, name: "Storage GB", aggregationType: "sum_agg", fieldName: "gb" } });
  const planCode = uniqueCode("tiered");
  await page.goto("/catalog");
  await page.getByRole("button", { name: "New plan" }).click();
  const dialog = page.getByRole("dialog", { name: "New plan" });
  await dialog.getByLabel("Code").fill(planCode);
  await dialog.getByLabel("Name", { exact: true }).fill("Tiered storage");
  await dialog.getByLabel("Currency").fill("CAD");
  await dialog.getByRole("button", { name: "Add charge" }).click();
  await dialog.getByLabel("Metric").selectOption(metricCode);
  await dialog.getByLabel("Charge model").selectOption("graduated");
  const tiers = dialog.getByRole("table", { name: "Tiers of charge 1" });
  await expect(tiers.getByRole("row")).toHaveCount(3); // header + the two example tiers

  // A third tier opens after the last; its From follows the To above it.
  await dialog.getByRole("button", { name: "Add tier" }).click();
  await expect(tiers.getByRole("row")).toHaveCount(4);
  await tiers.getByLabel("Tier 2 to").fill("5000");
  await expect(tiers.getByLabel("Tier 3 from")).toHaveValue("5000");
  await tiers.getByLabel("Tier 3 price per unit").fill("0.01");
  await tiers.getByLabel("Tier 3 flat fee").fill("20");

  // A wrong cell gets its own sentence, and the preview waits for a fix.
  await tiers.getByLabel("Tier 2 to").fill("900");
  await expect(tiers.getByLabel("Tier 2 to")).toHaveAttribute("aria-invalid", "true");
  await expect(tiers).toContainText("Must be above From (1000).");
  await expect(dialog.getByTestId("charge-0-preview")).toHaveText("Fix the highlighted fields to preview.");
  await tiers.getByLabel("Tier 2 to").fill("5000");

  await dialog.getByLabel("Preview units").fill("6000");
  const breakdown = dialog.getByRole("table", { name: "Breakdown of charge 1" });
  // 1000 × 0.05 + 4000 × 0.03 + (1000 × 0.01 + 20 flat) = 50 + 120 + 30.
  await expect(breakdown.getByRole("row")).toHaveCount(4);
  await expect(breakdown.getByRole("row").nth(3)).toContainText("5,000 and above");
  await expect(breakdown.getByRole("row").nth(3)).toContainText("CAD 30.00");
  await expect(dialog.getByTestId("charge-0-total")).toHaveText("CAD 200.00");
  await snap("catalog-tier-editor");

  await tiers.getByRole("button", { name: "Remove tier 2" }).click();
  await expect(tiers.getByRole("row")).toHaveCount(3);
  await expect(tiers.getByLabel("Tier 2 from")).toHaveValue("1000");
  await expect(dialog.getByTestId("charge-0-total")).toHaveText("CAD 120.00"); // 1000 × 0.05 + 5000 × 0.01 + 20 flat
  await dialog.getByRole("button", { name: "Create plan" }).click();
  await expect(toast(page, `Plan ${planCode} created`)).toBeVisible();
  const stored = await db.plan.findUniqueOrThrow({ where: { code: planCode }, include: { charges: true } });
  expect(stored.charges[0]?.properties).toMatchObject({
    graduated_ranges: [
      { from_value: 0, to_value: 1000, per_unit_amount: "0.05", flat_amount: "0" },
      { from_value: 1000, to_value: null, per_unit_amount: "0.01", flat_amount: "20" },
    ],
  });
});

test("a duplicate code is a message on the Code field, not a toast with a raw code", async ({ page, db, signInAs }) => {
  await signInAs("finance");
  const code = uniqueCode("dup");
  await db.billableMetric.create({ data: { code, name: "Taken", aggregationType: "count_agg" } });
  await page.goto("/catalog");
  await page.getByRole("button", { name: "New metric" }).click();
  const dialog = page.getByRole("dialog", { name: "New metric" });
  await dialog.getByLabel("Code").fill(code);
  await dialog.getByLabel("Name", { exact: true }).fill("Again");
  await dialog.getByLabel("Aggregation").selectOption("count_agg");
  await dialog.getByRole("button", { name: "Create metric" }).click();
  await expect(dialog.getByLabel("Code")).toHaveAttribute("aria-invalid", "true");
  await expect(dialog.getByText("This code is already used: pick another one.")).toBeVisible();
  await expect(page.locator("[data-sonner-toast]")).toHaveCount(0);
  await expect(page.getByText("value_already_exist")).toHaveCount(0);
});

test("ops cannot open the catalog", async ({ page, signInAs }) => {
  await signInAs("ops");
  await page.goto("/catalog");
  await expect(page.getByRole("alert").filter({ hasText: /./ })).toContainText("The ops role cannot open Catalog");
});
