import { seedDemo } from "~/scripts/support/demo-data";
import { expect, test } from "../fixtures";

test.beforeAll(async ({ db }) => {
  await seedDemo(db);
});

test("a customer page gathers accounts, subscriptions with usage, Odoo invoices and webhooks", async ({ page, db, signInAs, snap }) => {
  const account = await db.accountLink.findFirstOrThrow({ where: { externalId: "acme-corp", service: { code: "nexacloud" } } });
  await db.webhookDelivery.create({
    data: {
      serviceId: account.serviceId, orderingKey: account.id, webhookType: "invoice.payment_status_updated", payload: {}, state: "dead", attempts: 7,
      lastError: "HTTP 500 from the receiver", retryUntil: new Date(), deadAt: new Date(),
    },
  });
  await signInAs("ops");

  // Reached from the usage table, which names the customer.
  await page.goto("/usage");
  await page.getByLabel("Search Subscriptions").fill("acme-cloud-1");
  await page.getByRole("row", { name: /acme-cloud-1/ }).getByRole("link", { name: "acme-corp" }).click();
  await expect(page).toHaveURL(new RegExp(`/customers/${account.billingCustomerId}$`));

  await expect(page.getByRole("region", { name: "App accounts" }).getByRole("row", { name: /nexacloud/ })).toContainText("acme-corp");
  const subscription = page.getByRole("article", { name: "Subscription acme-cloud-1" });
  await expect(subscription).toContainText("Active");
  const usage = subscription.getByRole("table", { name: "Current usage of acme-cloud-1" });
  // Demo: 240 vCPU hours (100 free, then 0.04) → CAD 5.60; 120 GB (50 free, 0.10) → CAD 7.00.
  await expect(usage.getByRole("row", { name: /vcpu_hours/ })).toContainText("CAD 5.60");
  await expect(usage.getByRole("row", { name: /Usage so far/ })).toContainText("CAD 12.60");
  // The e2e hub has no Odoo: the page says so instead of failing.
  await expect(page.getByRole("region", { name: "Odoo invoices" })).toContainText(/Odoo is not configured|Not mapped to an Odoo partner/);
  const webhooks = page.getByRole("region", { name: "Recent webhooks" });
  await expect(webhooks.getByRole("row", { name: /invoice.payment_status_updated/ })).toContainText("Dead (needs ops)");
  await snap("customer-page");

  // And it leads on to the usage explorer for that subscription.
  await subscription.getByRole("link", { name: "Explore usage" }).click();
  await expect(page.getByRole("region", { name: "Period usage" }).getByRole("heading", { name: "acme-cloud-1" })).toBeVisible();
  await expect(page.getByRole("figure", { name: "Units per day: vcpu_hours" })).toBeVisible();
});

test("finance finds a customer from the customers list and the identity table", async ({ page, db, signInAs }) => {
  const account = await db.accountLink.findFirstOrThrow({ where: { externalId: "acme-corp", service: { code: "nexadesk" } } });
  await signInAs("finance");
  await page.goto("/customers");
  await page.getByLabel("Search Customers").fill("acme-corp");
  await expect(page.getByRole("region", { name: "Customers" }).getByRole("row", { name: /nexadesk \/ acme-corp/ })).toBeVisible();
  await page.goto("/identity");
  await page.getByLabel("Search App accounts").fill("acme-corp");
  await page.getByRole("row", { name: /nexadesk acme-corp/ }).getByRole("link", { name: "acme-corp" }).click();
  await expect(page).toHaveURL(new RegExp(`/customers/${account.billingCustomerId}$`));
  await expect(page.getByRole("article", { name: "Subscription acme-desk-1" })).toBeVisible();
});
