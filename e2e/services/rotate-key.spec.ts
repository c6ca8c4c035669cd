import { createService } from "~/server/services/create-service";
import { expect, test, uniqueCode } from "../fixtures";

const customers = (baseURL: string, key: string) => fetch(`${baseURL}/api/v1/customers`, { headers: { authorization: `Bearer ${key}` } });

test("admin rotates a key: shown once, old key refused, new key accepted", async ({ page, db, signInAs, baseURL, snap }) => {
  await signInAs("admin");
  const { service, apiKey: oldKey } = await createService({ db, code: uniqueCode("rot"), name: "Rotation app" });
  expect((await customers(baseURL!, oldKey)).status).toBe(200);

  await page.goto("/services");
  await page.getByLabel("Search Services").fill(service.code);
  const row = page.getByRole("row", { name: new RegExp(service.code) });
  await row.getByRole("button", { name: "Rotate key" }).click();
  const confirm = page.getByRole("dialog", { name: `Rotate the API key of ${service.name}?` });
  await expect(confirm).toContainText("stops working immediately");
  await confirm.getByRole("button", { name: "Rotate key" }).click();

  const keyDialog = page.getByRole("dialog", { name: `New API key for ${service.name}` });
  const newKey = (await keyDialog.getByTestId("new-api-key").textContent())!.trim();
  expect(newKey).toMatch(/^nxb_/);
  expect(newKey).not.toBe(oldKey);
  await expect(keyDialog.getByRole("button", { name: "Copy" })).toBeVisible();
  await snap("services-new-key");
  await keyDialog.getByRole("button", { name: "I have stored the key" }).click();
  await expect(page.getByTestId("new-api-key")).toHaveCount(0);
  await expect(row).toContainText(newKey.slice(0, 10));

  expect((await customers(baseURL!, oldKey)).status).toBe(401);
  expect((await customers(baseURL!, newKey)).status).toBe(200);
});
