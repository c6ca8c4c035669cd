import { createUser } from "~/server/users/create-user";
import { expect, PASSWORD, test, uniqueCode } from "../fixtures";

test("signs in with the right password and refuses a wrong one", async ({ page, db, snap }) => {
  const email = `${uniqueCode("admin")}@nexa.test`;
  await createUser({ db, email, password: PASSWORD, role: "admin" });

  await page.goto("/services");
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Fservices/);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("not the password");
  await page.getByLabel("Password").press("Enter");
  await expect(page.getByRole("alert").filter({ hasText: /./ })).toHaveText("Wrong email or password.");
  await snap("sign-in-error");

  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/services$/);
  await expect(page.getByTestId("signed-in-as")).toContainText(`${email} · admin`);
});

test("a finance user cannot open Services and gets FORBIDDEN from tRPC", async ({ page, signInAs, snap }) => {
  await signInAs("finance");
  await page.goto("/");
  await expect(page).toHaveURL(/\/catalog$/);
  await expect(page.getByRole("navigation", { name: "Console" }).getByRole("link", { name: "Services" })).toHaveCount(0);

  await page.goto("/services");
  await expect(page.getByRole("alert").filter({ hasText: /./ })).toContainText("The finance role cannot open Services");
  await snap("forbidden-services-finance");

  const response = await page.request.get(`/api/trpc/services.list?input=${encodeURIComponent(JSON.stringify({ json: {} }))}`);
  expect(response.status()).toBe(403);
  expect((await response.json()).error.json.data.code).toBe("FORBIDDEN");
});
