import { createService } from "~/server/services/create-service";
import { confirmation, expect, test, toast, uniqueCode } from "../fixtures";

test("finance folds two apps' accounts into one customer, maps it to Odoo, then splits one out", async ({ page, db, signInAs, snap }) => {
  const person = uniqueCode("jane");
  const accounts = [];
  for (const app of ["cloud", "desk"]) {
    const { service } = await createService({ db, code: uniqueCode(app), name: `${app} app` });
    const billingCustomer = await db.billingCustomer.create({ data: { name: `Jane (${app})` } });
    accounts.push(await db.accountLink.create({ data: { serviceId: service.id, externalId: `${person}-${app}`, name: `Jane ${app}`, billingCustomerId: billingCustomer.id } }));
  }
  const [cloud, desk] = accounts as [typeof accounts[0], typeof accounts[0]];

  await signInAs("finance");
  await page.goto("/identity");
  const table = page.getByRole("region", { name: "App accounts" });
  await table.getByLabel("Search App accounts").fill(person);
  const deskRow = table.getByRole("row", { name: new RegExp(`${person}-desk`) });

  const cloudCode = (await db.service.findUniqueOrThrow({ where: { id: cloud.serviceId } })).code;
  const dialogName = `Link ${person}-desk to another billing customer`;

  // Staff find the other app's account by searching; the account's own customer is never offered.
  await deskRow.getByRole("button", { name: "Link…" }).click();
  let dialog = page.getByRole("dialog", { name: dialogName });
  const find = dialog.getByLabel("Find the customer's account in another app");
  await find.fill(`${person}-nobody`);
  await expect(dialog).toContainText(`No account of another customer matches “${person}-nobody”`);
  await find.fill(person);
  const matches = dialog.getByRole("list", { name: "Matching accounts" }).getByRole("listitem");
  await expect(matches).toHaveCount(1);
  await expect(matches).toContainText(`${cloudCode} / ${person}-cloud`);
  await snap("identity-link-picker");
  await matches.getByRole("button", { name: `Link to ${cloudCode} / ${person}-cloud` }).click();
  await expect(toast(page, `Account ${person}-desk linked`)).toBeVisible();
  await expect(dialog).toBeHidden();

  const panel = page.getByRole("region", { name: "Billing customer" });
  await expect(panel.getByRole("heading")).toHaveText("Jane (cloud)");
  await expect(panel.getByRole("listitem")).toHaveText([new RegExp(`${person}-cloud`), new RegExp(`${person}-desk`)]);
  await panel.getByLabel("Odoo partner id").fill("4242");
  await panel.getByRole("button", { name: "Save partner" }).click();
  await expect(toast(page, "Odoo partner saved")).toBeVisible();
  await expect(table.getByRole("row", { name: /4242/ })).toHaveCount(2);
  await snap("identity-linked");

  // Once folded together, neither account is offered as a target for the other.
  await deskRow.getByRole("button", { name: "Link…" }).click();
  dialog = page.getByRole("dialog", { name: dialogName });
  await dialog.getByLabel("Find the customer's account in another app").fill(person);
  await expect(dialog).toContainText(`No account of another customer matches “${person}”`);
  await dialog.getByRole("button", { name: "Cancel" }).click();

  await deskRow.getByRole("button", { name: "Unlink" }).click();
  await confirmation(page, `Unlink ${person}-desk?`).getByRole("button", { name: "Unlink" }).click();
  await expect(toast(page, `Account ${person}-desk split into its own customer`)).toBeVisible();
  await expect(table.getByRole("row", { name: /4242/ })).toHaveCount(1);

  const [cloudAfter, deskAfter] = await Promise.all([cloud, desk].map((a) => db.accountLink.findUniqueOrThrow({ where: { id: a.id }, include: { billingCustomer: true } })));
  expect(cloudAfter!.billingCustomer.odooPartnerId).toBe(4242);
  expect(deskAfter!.billingCustomerId).not.toBe(cloud.billingCustomerId);
  expect(deskAfter!.billingCustomer.odooPartnerId).toBeNull();
  expect(await db.auditLog.count({ where: { entityId: desk.id, action: { in: ["account_link.link", "account_link.unlink"] } } })).toBe(2);
});
