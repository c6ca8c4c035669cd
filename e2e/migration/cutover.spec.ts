import { createBillableMetric } from "~/server/catalog/create-billable-metric";
import { createPlan } from "~/server/catalog/create-plan";
import { upsertCustomer } from "~/server/identity/upsert-customer";
import { nextMonthBoundary } from "~/server/migration/cutover-boundary";
import { createService } from "~/server/services/create-service";
import { createSubscription } from "~/server/subscriptions/create-subscription";
import { expect, test, toast, uniqueCode } from "../fixtures";

const monthStart = (base: Date, offset: number) => new Date(Date.UTC(base.getUTCFullYear(), base.getUTCMonth() + offset, 1));

test("ops cut a green shadow service over to Odoo after typing its code, then cancel the cutover before its boundary", async ({ page, db, signInAs, snap }) => {
  const code = uniqueCode("pilot");
  const { service } = await createService({ db, code, name: "NexaCloud pilot" });
  const metric = uniqueCode("gb");
  const plan = uniqueCode("plan");
  await createBillableMetric({ db, input: { code: metric, name: "GB", aggregationType: "sum_agg", fieldName: "gb" } });
  await createPlan({ db, input: { code: plan, name: "Cloud", interval: "monthly", amountCents: 2900n, amountCurrency: "CAD", payInAdvance: false, charges: [{ billableMetricCode: metric, chargeModel: "standard", properties: { amount: "0.10" } }] } });
  await upsertCustomer({ db, serviceId: service.id, externalId: "acme", fields: {} });
  const now = new Date();
  await createSubscription({ db, serviceId: service.id, input: { externalCustomerId: "acme", planCode: plan, externalId: "acme-cloud", subscriptionAt: monthStart(now, -6) }, now });
  await db.service.update({ where: { id: service.id }, data: { billingMode: "shadow", lagoApiUrl: "https://lago.example.test/api/v1", lagoApiKeySealed: "v1.unused" } });
  // The last three closed months agree with Lago: the gate is green.
  for (const offset of [-3, -2, -1]) {
    await db.reconciliationRun.create({
      data: {
        serviceId: service.id, periodStart: monthStart(now, offset), periodEnd: monthStart(now, offset + 1), status: "succeeded",
        lines: { create: [{ serviceCode: code, customerKey: "acme", chargeKey: `plan:${plan}`, status: "missing_in_odoo", currency: "CAD", lagoUnits: "1", hubUnits: "1", lagoAmountCents: 2900n, hubAmountCents: 2900n, amountDiffCents: 0n }] },
      },
    });
  }
  const boundary = nextMonthBoundary(now).toISOString();

  await signInAs("ops");
  await page.goto("/migration");
  const gate = page.getByRole("region", { name: `Gate of ${code}` });
  await expect(gate).toContainText("green");
  await gate.getByRole("button", { name: "Cut over…" }).click();
  const dialog = page.getByRole("dialog", { name: `Cut ${code} over to Odoo` });
  await dialog.getByLabel(`Type ${code} to confirm`).fill("yes");
  await dialog.getByRole("button", { name: "Schedule cutover" }).click();
  await expect(dialog).toContainText("Type the service code.");
  expect((await db.service.findUniqueOrThrow({ where: { id: service.id } })).cutoverAt).toBeNull();

  await dialog.getByLabel(`Type ${code} to confirm`).fill(code);
  await dialog.getByRole("button", { name: "Schedule cutover" }).click();
  await expect(toast(page, `${code}: cutover at ${boundary}; Lago told to end 1 subscription(s) there`)).toBeVisible();
  await expect(gate).toContainText(`Cutover at ${boundary}`);
  await snap("migration-cutover-scheduled");
  expect(await db.lagoForward.findMany({ where: { serviceId: service.id }, select: { method: true, path: true, body: true } })).toEqual([
    { method: "PUT", path: "/subscriptions/acme-cloud", body: { subscription: { ending_at: boundary.replace(".000Z", "Z") } } },
  ]);

  await gate.getByRole("button", { name: "Cancel cutover" }).click();
  const cancel = page.getByRole("dialog", { name: `Cancel the cutover of ${code}` });
  await cancel.getByLabel(`Type ${code} to confirm`).fill(code);
  await cancel.getByRole("button", { name: "Cancel cutover" }).click();
  await expect(toast(page, `${code}: cancelled before the boundary`)).toBeVisible();
  await expect(gate.getByRole("button", { name: "Cut over…" })).toBeEnabled();
  expect(await db.auditLog.findMany({ where: { entityId: service.id, action: { in: ["service.schedule_cutover", "service.roll_back_cutover"] } }, orderBy: { createdAt: "asc" }, select: { action: true } }))
    .toEqual([{ action: "service.schedule_cutover" }, { action: "service.roll_back_cutover" }]);
});

test("ops roll a service cut over to Odoo back to Lago before Odoo has invoiced it", async ({ page, db, signInAs }) => {
  const code = uniqueCode("moved");
  const { service } = await createService({ db, code, name: "NexaDesk" });
  const plan = uniqueCode("plan");
  await createPlan({ db, input: { code: plan, name: "Desk", interval: "monthly", amountCents: 1900n, amountCurrency: "CAD", payInAdvance: false, charges: [] } });
  await upsertCustomer({ db, serviceId: service.id, externalId: "globex", fields: {} });
  const now = new Date();
  await createSubscription({ db, serviceId: service.id, input: { externalCustomerId: "globex", planCode: plan, externalId: "globex-desk", subscriptionAt: monthStart(now, -4) }, now });
  // Cut over at the start of this month; Odoo has no order of it yet, so nothing is invoiced.
  const cutoverAt = monthStart(now, 0);
  await db.service.update({ where: { id: service.id }, data: { billingMode: "live", cutoverAt, lagoApiUrl: "https://lago.example.test/api/v1", lagoApiKeySealed: "v1.unused" } });

  await signInAs("ops");
  await page.goto("/migration");
  const moved = page.getByRole("region", { name: `Gate of ${code}` });
  await expect(moved).toContainText("Moved to Odoo");
  await expect(moved).toContainText(`Cut over at ${cutoverAt.toISOString()}`);
  await moved.getByRole("button", { name: "Roll back to Lago…" }).click();
  const dialog = page.getByRole("dialog", { name: `Roll ${code} back to Lago` });
  await expect(dialog).toContainText("Refused once Odoo has invoiced the service");
  await dialog.getByLabel(`Type ${code} to confirm`).fill(code);
  await dialog.getByRole("button", { name: "Roll back to Lago" }).click();
  await expect(toast(page, `${code}: rolled back after the boundary`)).toBeVisible();
  // Back in shadow: the page shows its gate again, and Lago gets the subscription from the cutover.
  await expect(moved.getByRole("button", { name: "Cut over…" })).toBeVisible();
  expect(await db.service.findUniqueOrThrow({ where: { id: service.id } })).toMatchObject({ billingMode: "shadow", cutoverAt: null });
  expect(await db.lagoForward.findMany({ where: { serviceId: service.id }, orderBy: { sequence: "asc" }, select: { method: true, path: true } })).toEqual([
    { method: "POST", path: "/subscriptions" },
    { method: "PUT", path: "/subscriptions/globex-desk" },
  ]);
  expect(await db.auditLog.count({ where: { entityId: service.id, action: "service.roll_back_cutover" } })).toBe(1);
});
