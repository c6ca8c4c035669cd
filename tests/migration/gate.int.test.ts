import { spawnSync } from "node:child_process";
import { describe, expect, inject, it } from "vitest";
import { getMigrationGate } from "~/server/migration/get-migration-gate";
import { setMigrationGate } from "~/server/migration/set-migration-gate";
import { createService } from "~/server/services/create-service";
import { signedInAs, trpcCode } from "../support/console-session";
import { testDb, uniqueCode } from "../support/fixtures";

/*
 * A shadow service's migration gate read from its reconciliation runs in PostgreSQL, and
 * `npm run migration -- gate` as ops would run it before a cutover: exit 0 only when green.
 */
// Years no other suite reconciles: an all-services run of the shared database counts for every service.
let year = 2011;
const month = (m: number) => new Date(Date.UTC(year, m - 1, 1));

async function reconciled(serviceId: string | null, serviceCode: string, m: number, hubAmountCents: bigint, createdAt = new Date(month(m + 1).getTime() + 3_600_000)) {
  const db = await testDb();
  await db.reconciliationRun.create({
    data: {
      serviceId, periodStart: month(m), periodEnd: month(m + 1), status: "succeeded", createdAt,
      lines: {
        create: [
          { serviceCode, customerKey: "acme", chargeKey: "gb_hours", status: "missing_in_odoo", currency: "CAD", lagoUnits: "25", hubUnits: "25", lagoAmountCents: 750n, hubAmountCents, amountDiffCents: 750n - hubAmountCents },
          // Another service's line in an all-services run: never this service's gate.
          { serviceCode: "someone-else", customerKey: "x", chargeKey: "y", status: "amount_mismatch", currency: "CAD", lagoAmountCents: 1n, hubAmountCents: 9n, amountDiffCents: -8n },
        ],
      },
    },
  });
}

const gateCli = (serviceCode: string) =>
  spawnSync("npx", ["tsx", "scripts/migration.ts", "gate", "--service", serviceCode], { env: { ...process.env, DATABASE_URL: inject("databaseUrl") }, encoding: "utf8" });

describe("the migration gate", () => {
  it("goes green on matching periods, stays red on a planted difference, and says so on the command line", async () => {
    const db = await testDb();
    const code = uniqueCode("pilot");
    const { service } = await createService({ db, code, name: "NexaCloud pilot" });
    year = 2011;
    const now = new Date("2011-06-10T00:00:00Z");

    expect(await getMigrationGate({ db, serviceCode: code, now })).toMatchObject({ green: false, reason: "red: no closed period reconciled yet", requiredPeriods: 3 });
    await reconciled(service.id, code, 2, 750n);
    await reconciled(null, code, 3, 750n); // an all-services run counts for its lines of this service
    await reconciled(service.id, code, 4, 740n); // planted: the hub is 10 cents short
    await reconciled(service.id, code, 5, 750n);
    const red = await getMigrationGate({ db, serviceCode: code, now });
    expect(red).toMatchObject({ green: false, agreeingPeriods: 1, reason: "red: 1 of 3 periods agree; 1 line of 2011-04-01 disagree" });
    expect(red.periods[1]!.blocking).toEqual([expect.objectContaining({ customerKey: "acme", amountDiffCents: 10n, why: "amount" })]);

    const cliRed = gateCli(code);
    expect(cliRed.status, cliRed.stderr).toBe(1);
    expect(cliRed.stdout).toContain("red: 1 of 3 periods agree");
    expect(cliRed.stdout).toMatch(/acme gb_hours: Lago 25 units 750, hub 25 units 740/);

    // April reconciled again after the fix: its latest run speaks for it.
    await reconciled(service.id, code, 4, 750n, new Date("2011-06-01T00:00:00Z"));
    expect(await getMigrationGate({ db, serviceCode: code, now })).toMatchObject({ green: true, agreeingPeriods: 3 });

    const cliGreen = gateCli(code);
    expect(cliGreen.status, cliGreen.stderr).toBe(0);
    expect(cliGreen.stdout).toContain("green: the latest 3 closed periods agree");

    // Stricter, per service: five periods, January 5 cents apart; then 5 cents tolerated per line.
    await reconciled(service.id, code, 1, 745n);
    await setMigrationGate({ db, serviceCode: code, periods: 5, toleranceCents: 0 });
    expect(await getMigrationGate({ db, serviceCode: code, now })).toMatchObject({ green: false, agreeingPeriods: 4, reason: "red: 4 of 5 periods agree; 1 line of 2011-01-01 disagree" });
    await setMigrationGate({ db, serviceCode: code, periods: 5, toleranceCents: 5 });
    expect(await getMigrationGate({ db, serviceCode: code, now })).toMatchObject({ green: true, toleranceCents: 5 });
    await expect(setMigrationGate({ db, serviceCode: code, periods: 0, toleranceCents: -1 })).rejects.toMatchObject({ extra: { details: { gate_periods: ["value_is_out_of_range"], gate_tolerance_cents: ["value_is_out_of_range"] } } });
    await expect(getMigrationGate({ db, serviceCode: "no-such-service" })).rejects.toMatchObject({ code: "not_found" });
  });

  it("shows ops each shadow service's gate in the console, and not finance", async () => {
    const db = await testDb();
    year = 2012;
    const code = uniqueCode("shadowed");
    const { service } = await createService({ db, code, name: "Shadowed" });
    await db.service.update({ where: { id: service.id }, data: { billingMode: "shadow", lagoApiUrl: "https://lago.example.test", lagoApiKeySealed: "v1.x.y.z" } });
    await reconciled(service.id, code, 2, 700n);
    const [ops, finance] = await Promise.all([signedInAs("ops"), signedInAs("finance")]);
    const gates = await ops.client.migration.list.query();
    const mine = gates.find((gate) => gate.serviceCode === code);
    expect(mine).toMatchObject({ green: false, billingMode: "shadow", reason: "red: 0 of 3 periods agree; 1 line of 2012-02-01 disagree" });
    expect(mine!.periods[0]!.blocking).toEqual([expect.objectContaining({ customerKey: "acme", lagoAmountCents: 750n, hubAmountCents: 700n })]);
    // A live service has no gate to show.
    expect(gates.every((gate) => gate.billingMode === "shadow")).toBe(true);
    expect(await trpcCode(finance.client.migration.list.query())).toBe("FORBIDDEN");
    // The console's cutover: refused on a red gate and on a mistyped code, and never to finance.
    expect(await trpcCode(ops.client.migration.scheduleCutover.mutate({ serviceCode: code, confirmation: code }))).toBe("CONFLICT");
    expect(await trpcCode(ops.client.migration.scheduleCutover.mutate({ serviceCode: code, confirmation: "yes" }))).toBe("UNPROCESSABLE_CONTENT");
    expect(await trpcCode(finance.client.migration.scheduleCutover.mutate({ serviceCode: code, confirmation: code }))).toBe("FORBIDDEN");
    expect((await db.service.findUniqueOrThrow({ where: { id: service.id } })).cutoverAt).toBeNull();
  });
});
