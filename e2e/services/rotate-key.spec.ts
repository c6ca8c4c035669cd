import { createService } from "~/server/services/create-service";
import { confirmation, expect, test, uniqueCode } from "../fixtures";

const customers = (baseURL: string, key: string) => fetch(`${baseURL}/api/v1/customers`, { headers: { authorization: `Bearer ${key}` } });

test("admin rotates a key: shown once, old key refused, new key accepted", async ({ page, db, signInAs, baseURL, snap }) => {
  await signInAs("admin");
  const { service, apiKey: oldKey } = await createService({ db, code: uniqueCode("rot"), name: "Rotation app" });
  expect((await customers(baseURL!, oldKey)).status).toBe(200);

  await page.goto("/services");
  await page.getByLabel("Search Services").fill(service.code);
  const row = page.getByRole("row", { name: new RegExp(service.code) });
  await row.getByRole("button", { name: "Rotate key" }).click();
  const confirm = confirmation(page, `Rotate the API key of ${service.name}?`);
  await expect(confirm).toContainText("stops working immediately");
  await confirm.getByRole("button", { name: "Rotate key" }).click();

  const keyDialog = page.getByRole("dialog", { name: `New API key for ${service.name}` });
  const newKey = (await keyDialog.getByTestId("new-api-key").textContent())!.trim();
  expect(newKey).toMatch(/^nxb_/);
  expect(newKey).not.toBe(oldKey);
  await expect(keyDialog.getByRole("button", { name: "Copy" })).toBeVisible();
  await snap("services-new-key");
  // Shown once: neither Escape nor a click beside the dialog may close it by accident.
  await page.keyboard.press("Escape");
  await page.mouse.click(5, 5);
  await expect(keyDialog.getByTestId("new-api-key")).toHaveText(newKey);
  await keyDialog.getByRole("button", { name: "I have copied it" }).click();
  await expect(page.getByTestId("new-api-key")).toHaveCount(0);
  await expect(row).toContainText(newKey.slice(0, 10));

  expect((await customers(baseURL!, oldKey)).status).toBe(401);
  expect((await customers(baseURL!, newKey)).status).toBe(200);
});

test("admin reveals and rotates a service's webhook secret, and picks its signature", async ({ page, db, signInAs, snap }) => {
  await signInAs("admin");
  const { service } = await createService({ db, code: uniqueCode("whs"), name: "Webhook app" });
  await page.goto("/services");
  await page.getByLabel("Search Services").fill(service.code);
  const row = page.getByRole("row", { name: new RegExp(service.code) });
  await expect(row).toContainText("jwt");

  await row.getByRole("button", { name: "Webhook secret" }).click();
  const dialog = page.getByRole("dialog", { name: `Webhook secret of ${service.name}` });
  await expect(dialog.getByTestId("webhook-secret")).toHaveCount(0);
  await dialog.getByRole("button", { name: "Reveal secret" }).click();
  await expect(dialog.getByTestId("webhook-secret")).toHaveText(service.webhookSecret);
  await snap("services-webhook-secret");
  await dialog.getByRole("button", { name: "Rotate secret" }).click();
  await confirmation(page, `Rotate the webhook secret of ${service.name}?`).getByRole("button", { name: "Rotate secret" }).click();
  await expect(dialog.getByTestId("webhook-secret")).not.toHaveText(service.webhookSecret);
  const rotated = (await dialog.getByTestId("webhook-secret").textContent())!.trim();
  expect((await db.service.findUniqueOrThrow({ where: { id: service.id } })).webhookSecret).toBe(rotated);
  await dialog.getByRole("button", { name: "Done" }).click();

  await row.getByRole("button", { name: "Edit" }).click();
  await page.getByLabel("X-Lago-Signature").selectOption("hmac");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(row).toContainText("hmac");
  expect(await db.auditLog.count({ where: { entityId: service.id, action: { in: ["service.reveal_webhook_secret", "service.rotate_webhook_secret"] } } })).toBe(2);
});
