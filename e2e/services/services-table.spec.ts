import { createService } from "~/server/services/create-service";
import { expect, expectSummary, test, uniqueCode } from "../fixtures";

test("the services table pages, sorts and filters on the server", async ({ page, db, signInAs, snap }) => {
  await signInAs("admin");
  const prefix = uniqueCode("tbl");
  for (let i = 0; i < 12; i++) {
    const { service } = await createService({ db, code: `${prefix}_${String(i).padStart(2, "0")}`, name: `Table app ${i}` });
    if (i % 4 === 0) await db.service.update({ where: { id: service.id }, data: { active: false } });
  }
  await page.goto("/services");
  const table = page.getByRole("region", { name: "Services" });
  await table.getByLabel("Search Services").fill(prefix);
  await expectSummary(page, "Services", "12 rows · page 1 of 2");
  await expect(table.getByRole("row")).toHaveCount(11); // header + 10
  await expect(table.getByRole("row").nth(1)).toContainText(`${prefix}_00`);

  await table.getByRole("button", { name: "Next" }).click();
  await expectSummary(page, "Services", "12 rows · page 2 of 2");
  await expect(table.getByRole("row").nth(1)).toContainText(`${prefix}_10`);

  await table.getByRole("button", { name: /^Code/ }).click(); // asc → desc, back to page 1
  await expectSummary(page, "Services", "12 rows · page 1 of 2");
  await expect(table.getByRole("row").nth(1)).toContainText(`${prefix}_11`);

  await table.getByLabel("Filter by Status").selectOption("false");
  await expectSummary(page, "Services", "3 rows · page 1 of 1");
  await expect(table.getByRole("row").nth(1)).toContainText(`${prefix}_08`);

  await table.getByRole("button", { name: "Columns" }).click();
  await page.getByRole("menuitemcheckbox", { name: "Webhook URL" }).click();
  await page.keyboard.press("Escape");
  await expect(table.getByRole("columnheader", { name: "Webhook URL" })).toHaveCount(0);
  await snap("services");
});
