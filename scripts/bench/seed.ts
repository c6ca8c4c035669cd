import { randomBytes } from "node:crypto";
import type { Db } from "~/server/db/client";
import { createBillableMetric } from "~/server/catalog/create-billable-metric";
import { createPlan } from "~/server/catalog/create-plan";
import { upsertCustomer } from "~/server/identity/upsert-customer";
import { createService } from "~/server/services/create-service";
import { createSubscription } from "~/server/subscriptions/create-subscription";

/** A service, a graduated sum metric plan, and one subscription per name (`sub-<name>` of `cust-<name>`). */
export async function seedBench(db: Db, names: string[]) {
  const apiKey = `nxb_bench_${randomBytes(8).toString("hex")}`;
  const { service } = await createService({ db, code: "bench", name: "Bench", apiKey });
  await createBillableMetric({ db, input: { code: "bench_units", name: "Units", aggregationType: "sum_agg", fieldName: "units" } });
  await createPlan({ db, input: { code: "bench_plan", name: "Bench", interval: "monthly", amountCents: 0n, amountCurrency: "CAD", charges: [
    { billableMetricCode: "bench_units", chargeModel: "graduated", properties: { graduated_ranges: [
      { from_value: 0, to_value: 1000, per_unit_amount: "0.01", flat_amount: "0" },
      { from_value: 1000, to_value: null, per_unit_amount: "0.005", flat_amount: "1" },
    ] } },
  ] } });
  const subscriptionAt = new Date(Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth(), 1));
  const subscriptionIds = new Map<string, string>();
  for (const name of names) {
    await upsertCustomer({ db, serviceId: service.id, externalId: `cust-${name}`, fields: {} });
    const { subscription } = await createSubscription({ db, serviceId: service.id, input: { externalCustomerId: `cust-${name}`, planCode: "bench_plan", externalId: `sub-${name}`, subscriptionAt } });
    subscriptionIds.set(name, subscription.id);
  }
  return { apiKey, serviceId: service.id, subscriptionIds, subscriptionAt };
}
