import type { Db } from "~/server/db/client";
import type { BillableMetricInput } from "~/server/catalog/billable-metric-input";
import { createBillableMetric } from "~/server/catalog/create-billable-metric";
import { createPlan } from "~/server/catalog/create-plan";
import type { PlanInput } from "~/server/catalog/plan-input";
import { upsertCustomer } from "~/server/identity/upsert-customer";
import { createService } from "~/server/services/create-service";
import { createUser } from "~/server/users/create-user";
import { createSubscription } from "~/server/subscriptions/create-subscription";
import { env } from "~/server/env";
import { ingestEvents } from "~/server/usage/ingest-events";
import type { RawEvent } from "~/server/usage/prepare-events";

/** Well-known demo keys: printed by the launcher, never valid outside a demo database. */
export const DEMO_SERVICES = [
  { code: "nexacloud", name: "NexaCloud hosting", apiKey: "nxb_demo_nexacloud_key" },
  { code: "nexadesk", name: "NexaDesk chat", apiKey: "nxb_demo_nexadesk_key" },
  { code: "nexamaps", name: "NexaMaps API", apiKey: "nxb_demo_nexamaps_key" },
] as const;

/** Console users of the demo, one per role; the password is printed by the launcher. */
export const DEMO_PASSWORD = "demo-password";
export const DEMO_USERS = [
  { email: "admin@nexa.test", name: "Ada Admin", role: "admin" },
  { email: "finance@nexa.test", name: "Fin Finance", role: "finance" },
  { email: "ops@nexa.test", name: "Otto Ops", role: "ops" },
] as const;

/** Idempotent on its own, so databases seeded before the console existed gain the users. */
export async function seedDemoUsers(db: Db): Promise<number> {
  let created = 0;
  for (const user of DEMO_USERS) {
    if (await db.user.findUnique({ where: { email: user.email } })) continue;
    await createUser({ db, ...user, password: DEMO_PASSWORD });
    created++;
  }
  return created;
}

const METRICS: BillableMetricInput[] = [
  { code: "storage_gb", name: "Storage (GB)", aggregationType: "max_agg", fieldName: "gb" },
  { code: "vcpu_hours", name: "vCPU hours", aggregationType: "sum_agg", fieldName: "hours" },
  { code: "chat_seats", name: "Active chat seats", aggregationType: "unique_count_agg", fieldName: "agent_id" },
  { code: "map_requests", name: "Map API requests", aggregationType: "count_agg" },
];

const PLANS: PlanInput[] = [
  {
    code: "cloud_starter", name: "NexaCloud Starter", interval: "monthly", amountCents: 2900n, amountCurrency: "CAD",
    charges: [
      { billableMetricCode: "storage_gb", chargeModel: "standard", properties: { amount: "0.10", free_units: "50" } },
      { billableMetricCode: "vcpu_hours", chargeModel: "graduated", properties: { graduated_ranges: [
        { from_value: 0, to_value: 100, per_unit_amount: "0", flat_amount: "0" },
        { from_value: 100, to_value: 1000, per_unit_amount: "0.04", flat_amount: "0" },
        { from_value: 1000, to_value: null, per_unit_amount: "0.03", flat_amount: "0" },
      ] } },
    ],
  },
  {
    code: "desk_team", name: "NexaDesk Team", interval: "monthly", amountCents: 4900n, amountCurrency: "CAD",
    charges: [{ billableMetricCode: "chat_seats", chargeModel: "volume", properties: { free_units: "3", volume_ranges: [
      { from_value: 0, to_value: 10, per_unit_amount: "12", flat_amount: "0" },
      { from_value: 10, to_value: null, per_unit_amount: "9", flat_amount: "0" },
    ] } }],
  },
  {
    code: "maps_payg", name: "NexaMaps Pay as you go", interval: "monthly", amountCents: 0n, amountCurrency: "CAD",
    charges: [{ billableMetricCode: "map_requests", chargeModel: "package", properties: { amount: "5", package_size: 1000, free_units: "10000" } }],
  },
];

/** Idempotent: a second run leaves an already seeded database as it is. */
async function seedEvents(db: Db, serviceId: string, events: RawEvent[]): Promise<void> {
  const result = await ingestEvents({ db, serviceId, events, maxAgeDays: env().USAGE_EVENTS_MAX_AGE_DAYS });
  if (!result.ok) throw new Error(`demo events refused: ${JSON.stringify(Object.fromEntries(result.errors))}`);
}

export async function seedDemo(db: Db): Promise<string> {
  const users = await seedDemoUsers(db);
  if (await db.service.findUnique({ where: { code: "nexacloud" } })) return `Demo data already present (${users} console users added).`;
  const services = [];
  for (const service of DEMO_SERVICES) services.push((await createService({ db, ...service })).service);
  const [cloud, desk, maps] = services as [typeof services[number], typeof services[number], typeof services[number]];
  // Each app's metrics and plans are its own, as if its key had created them: another
  // service's key gets 404 for them (README, catalog ownership).
  const owner: Record<string, string> = {
    storage_gb: cloud.id, vcpu_hours: cloud.id, cloud_starter: cloud.id,
    chat_seats: desk.id, desk_team: desk.id,
    map_requests: maps.id, maps_payg: maps.id,
  };
  for (const metric of METRICS) await createBillableMetric({ db, input: metric, ownerServiceId: owner[metric.code] });
  for (const plan of PLANS) await createPlan({ db, input: plan, ownerServiceId: owner[plan.code] });

  const demoAccounts = [
    { service: cloud, customer: "acme-corp", subscription: "acme-cloud-1", plan: "cloud_starter" },
    { service: desk, customer: "acme-corp", subscription: "acme-desk-1", plan: "desk_team" },
    { service: maps, customer: "globex", subscription: "globex-maps-1", plan: "maps_payg" },
  ];
  const monthStart = new Date(Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth(), 1));
  for (const account of demoAccounts) {
    await upsertCustomer({ db, serviceId: account.service.id, externalId: account.customer, fields: { name: account.customer, currency: "CAD" } });
    await createSubscription({
      db,
      serviceId: account.service.id,
      input: { externalCustomerId: account.customer, planCode: account.plan, externalId: account.subscription, subscriptionAt: monthStart },
    });
  }
  const seconds = Math.floor(monthStart.getTime() / 1000) + 3600;
  await seedEvents(db, cloud.id, [
    { transactionId: "demo-storage-1", externalSubscriptionId: "acme-cloud-1", code: "storage_gb", timestamp: seconds, properties: { gb: 120 } },
    { transactionId: "demo-vcpu-1", externalSubscriptionId: "acme-cloud-1", code: "vcpu_hours", timestamp: seconds, properties: { hours: 240 } },
  ]);
  await seedEvents(db, desk.id, ["ana", "ben", "cho", "dev", "eli"].map((agent, i) => ({
    transactionId: `demo-seat-${i}`, externalSubscriptionId: "acme-desk-1", code: "chat_seats", timestamp: seconds, properties: { agent_id: agent },
  })));
  return `Seeded ${users} console users, ${services.length} services, ${METRICS.length} metrics, ${PLANS.length} plans, ${demoAccounts.length} subscriptions.`;
}
