import { createService } from "~/server/services/create-service";
import { keepDrainingQueuedRuns } from "~/tests/support/app-server";
import { lagoCharge, lagoCustomer, lagoMetric, lagoPlan, lagoSubscription, startLagoPeer } from "~/tests/support/lago-peer";
import { expect, test, toast, uniqueCode } from "../fixtures";

test("finance imports from Lago in the console: a failed run shows its error, resuming finishes it with a report", async ({ page, db, signInAs, snap, baseURL }) => {
  const peer = await startLagoPeer();
  // The queued import runs when a worker drains the job table: here, a fast cron.
  const stopDraining = keepDrainingQueuedRuns(baseURL!);
  try {
    const suffix = uniqueCode("imp");
    const metric = lagoMetric(`calls_${suffix}`);
    peer.data.billable_metrics.push(metric);
    // A trial period is not supported: the report must say so rather than drop it silently.
    peer.data.plans.push(lagoPlan(`plan_${suffix}`, [lagoCharge(metric)], { trialPeriod: 14 }));
    peer.data.customers.push(lagoCustomer(`cust_${suffix}`, 1));
    peer.data.subscriptions.push(lagoSubscription(`sub_${suffix}`, `cust_${suffix}`, `plan_${suffix}`, "2026-10-01T00:00:00Z"));
    peer.fail({ path: "/customers", status: 500, times: 1 });
    const { service } = await createService({ db, code: uniqueCode("lagoapp"), name: "Imported app" });

    await signInAs("finance");
    await page.goto("/lago-import");
    const form = page.getByRole("form", { name: "Import from Lago" });
    const startImport = async () => {
      await form.getByLabel("Service code").fill(service.code);
      await form.getByLabel("Lago API URL").fill(peer.url);
      await form.getByLabel("API key").fill(peer.apiKey);
      await form.getByRole("button", { name: "Import / resume" }).click();
    };
    const runRow = page.getByRole("region", { name: "Lago imports" }).getByRole("row", { name: new RegExp(service.code) });

    await startImport();
    await expect(toast(page, "Import started")).toBeVisible();
    await expect(runRow).toContainText(/Failed.*500/);
    await expect(runRow).toContainText("plans: 1/1 ✓");
    await expect(form.getByLabel("API key")).toHaveValue(""); // never kept in the page

    await startImport();
    await expect(toast(page, "Import resumed")).toBeVisible();
    await expect(runRow).toContainText("Succeeded");
    await expect(runRow).toContainText("customers: 1/1 ✓");
    await expect(runRow).toContainText("subscriptions: 1/1 ✓");
    await runRow.getByText("1 unsupported").click();
    await expect(runRow).toContainText(`plans/plan_${suffix} trial_period`);
    await snap("lago-import");

    expect(await db.subscription.count({ where: { serviceId: service.id, externalId: `sub_${suffix}` } })).toBe(1);
    const runs = await db.lagoImportRun.findMany({ where: { serviceId: service.id } });
    expect(runs).toHaveLength(1); // resumed, not restarted
    expect(JSON.stringify(runs)).not.toContain(peer.apiKey);
  } finally {
    await stopDraining();
    await peer.close();
  }
});
