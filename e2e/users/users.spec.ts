import { createUser } from "~/server/users/create-user";
import { confirmation, expect, PASSWORD, test, toast, uniqueCode } from "../fixtures";

test("a role change asks first, and a cancelled one changes nothing", async ({ page, db, signInAs, snap }) => {
  await signInAs("admin");
  const email = `${uniqueCode("promote")}@nexa.test`;
  const target = await createUser({ db, email, password: PASSWORD, role: "ops" });
  await page.goto("/users");
  await page.getByLabel("Search Users").fill(email);
  const role = page.getByRole("row", { name: new RegExp(email) }).getByLabel(`Role of ${email}`);

  await role.selectOption("admin");
  const dialog = confirmation(page, `Make ${email} admin?`);
  await expect(dialog).toContainText("services, API keys, users and the audit log");
  await snap("users-role-confirmation");
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(role).toHaveValue("ops");
  expect((await db.user.findUniqueOrThrow({ where: { id: target.id } })).role).toBe("ops");

  await role.selectOption("finance");
  await confirmation(page, `Make ${email} finance?`).getByRole("button", { name: "Make finance" }).click();
  await expect(toast(page, `User ${email} saved`)).toBeVisible();
  await expect(role).toHaveValue("finance");
  expect((await db.user.findUniqueOrThrow({ where: { id: target.id } })).role).toBe("finance");
  const audit = await db.auditLog.findFirstOrThrow({ where: { entityId: target.id, action: "user.update" }, orderBy: { createdAt: "desc" } });
  expect(audit.before).toMatchObject({ role: "ops" });
  expect(audit.after).toMatchObject({ role: "finance" });
});

test("an admin cannot demote or disable themselves, and the audit log names who changed what", async ({ page, db, signInAs }) => {
  const { email } = await signInAs("admin");
  await page.goto("/users");
  await page.getByLabel("Search Users").fill(email);
  const own = page.getByRole("row", { name: new RegExp(email) });
  await expect(own).toContainText("(you)");
  await expect(own.getByLabel(`Role of ${email}`)).toBeDisabled();
  await expect(own.getByRole("button", { name: "Disable" })).toHaveCount(0);

  // The audit log shows the change above as a diff, with names instead of ids.
  const other = `${uniqueCode("audited")}@nexa.test`;
  const target = await createUser({ db, email: other, password: PASSWORD, role: "ops" });
  await page.getByLabel("Search Users").fill(other);
  await page.getByRole("row", { name: new RegExp(other) }).getByRole("button", { name: "Disable" }).click();
  await confirmation(page, `Disable ${other}?`).getByRole("button", { name: "Disable" }).click();
  await expect(toast(page, `User ${other} saved`)).toBeVisible();
  await page.goto("/audit");
  await page.getByLabel("Search Audit log").fill(target.id);
  const row = page.getByRole("row", { name: new RegExp(other) }).first();
  await expect(row).toContainText("active: true → false");
  await expect(row).toContainText(email);
  await expect(row).not.toContainText(target.id);
});
