import { seedDemo } from "~/scripts/support/demo-data";
import { expect, test } from "../fixtures";

const SCREENS = [
  { path: "/services", heading: "Services" },
  { path: "/catalog", heading: "Catalog" },
  { path: "/identity", heading: "Identity links" },
  { path: "/usage", heading: "Usage" },
  { path: "/jobs", heading: "Jobs" },
  { path: "/webhooks", heading: "Webhooks" },
  { path: "/reconciliation", heading: "Reconciliation (Lago dual run)" },
  { path: "/lago-import", heading: "Lago import" },
  { path: "/users", heading: "Users" },
  { path: "/audit", heading: "Audit log" },
];

test.beforeAll(async ({ db }) => {
  await seedDemo(db);
});

test("every screen renders for an admin at 1280px and 768px, with nothing blocked by the CSP", async ({ page, signInAs, snap }) => {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy|Refused to (execute|load|apply|connect)/i.test(message.text())) violations.push(message.text());
  });
  await signInAs("admin");
  for (const width of [1280, 768]) {
    await page.setViewportSize({ width, height: 900 });
    for (const screen of SCREENS) {
      await page.goto(screen.path);
      await expect(page.getByRole("heading", { level: 1, name: screen.heading })).toBeVisible();
      await expect(page.getByTestId("table-summary").first()).toContainText("page");
      await snap(`${screen.path.slice(1)}-${width}`);
    }
  }
  expect(violations).toEqual([]);
});

test("the usage explorer prices a subscription's period and charts its events", async ({ page, signInAs, snap }) => {
  await signInAs("ops");
  await page.goto("/usage");
  await page.getByLabel("Search Subscriptions").fill("acme-cloud-1");
  await page.getByRole("row", { name: /acme-cloud-1/ }).getByRole("button", { name: "Explore" }).click();
  const usage = page.getByRole("region", { name: "Period usage" });
  // The charges table, not the events list below it (which also names vcpu_hours once loaded).
  const charges = usage.getByRole("table", { name: "Charges" });
  // Demo: 240 vCPU hours, 100 free then 0.04 → 5.60 CAD; 120 GB with 50 free at 0.10 → 7.00 CAD.
  await expect(charges.getByRole("row", { name: /vcpu_hours/ })).toContainText("5.60 CAD");
  await expect(charges.getByRole("row", { name: /Usage total/ })).toContainText("12.60 CAD");
  await expect(usage.getByRole("region", { name: "Events" }).getByRole("row", { name: /demo-vcpu-1/ })).toBeVisible();
  await expect(usage.getByRole("img", { name: "Events per day" })).toBeVisible();
  await snap("usage-explorer");
});
