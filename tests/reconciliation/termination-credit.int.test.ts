import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openLagoImport } from "~/server/lago-import/open-lago-import";
import { runLagoImport } from "~/server/lago-import/run-lago-import";
import { createReconciliationRun } from "~/server/reconciliation/create-reconciliation-run";
import { runReconciliation } from "~/server/reconciliation/run-reconciliation";
import { terminateSubscription } from "~/server/subscriptions/terminate-subscription";
import { at, creditNotesOf, type Lifecycle, startLifecycle, subscribe } from "../support/billing-lifecycle";
import { lagoCreditNote, type LagoPeer, lagoInvoice, lagoSubscriptionFee, startLagoPeer } from "../support/lago-peer";

/*
 * A pay-in-advance plan ended mid-period, billed by both sides: Odoo (the simulator, its
 * crons day by day) invoices January's 31.00 on the 1st and the hub credits the 21 unused
 * days with an Odoo credit note; Lago invoiced the same fee and credited the same days.
 * Reconciling January nets each side's credit note from the fee, so the fee line matches —
 * and a Lago that did not credit (or an Odoo that did not) is a fee difference the
 * migration gate sees.
 */
let life: Lifecycle;
let peer: LagoPeer;
type Sub = Awaited<ReturnType<typeof subscribe>>;
const subs: Record<"credited" | "lagoOnly" | "skipped", Sub> = {} as never;

beforeAll(async () => {
  life = await startLifecycle({ firstDay: "2026-01-01" });
  peer = await startLagoPeer();
  const plan = { subscriptionAt: at("2026-01-01"), feeCents: 3100n, payInAdvance: true, unitPrice: "1", currency: "USD" } as const;
  for (const key of ["credited", "lagoOnly", "skipped"] as const) subs[key] = await subscribe(life.db, plan);
  await life.runUntil("2026-01-09");
  await terminateSubscription({ db: life.db, serviceId: subs.credited.serviceId, externalId: subs.credited.externalId, now: at("2026-01-10", 12) });
  // Odoo is told not to credit this one; Lago below still does.
  for (const key of ["lagoOnly", "skipped"] as const) {
    await terminateSubscription({ db: life.db, serviceId: subs[key].serviceId, externalId: subs[key].externalId, now: at("2026-01-10", 12), creditNote: "skip" });
  }
  await life.runUntil("2026-02-02");
}, 300_000);
afterAll(async () => {
  await peer?.close();
  await life?.stop();
});

/** What Lago billed a subscription for January, and the credit note of its 21 unused days when `credited`. */
function seedLago(sub: Sub, credited: boolean) {
  const fee = lagoSubscriptionFee({ customerId: sub.customerExternalId, subscriptionId: sub.externalId, planCode: sub.planCode, amountCents: 3100, from: "2026-01-01T00:00:00Z", to: "2026-01-31T23:59:59Z" });
  const invoice = lagoInvoice(`LAG-${sub.externalId}`, sub.customerExternalId, "2026-01-01", [fee]);
  peer.data.invoices.push(invoice);
  if (credited) peer.data.credit_notes.push(lagoCreditNote(`CN-${sub.externalId}`, invoice, [{ fee, amountCents: 2100 }]));
}

async function reconcileJanuary(sub: Sub) {
  const service = await life.db.service.findUniqueOrThrow({ where: { id: sub.serviceId } });
  const { run } = await openLagoImport({ db: life.db, serviceCode: service.code, baseUrl: peer.url, scope: "delta" });
  expect((await runLagoImport({ db: life.db, run, apiKey: peer.apiKey })).status).toBe("succeeded");
  const recon = await runReconciliation({ db: life.db, odoo: life.odoo, run: await createReconciliationRun({ db: life.db, from: at("2026-01-01"), to: at("2026-02-01"), toleranceCents: 0, serviceCode: service.code }) });
  expect(recon.status).toBe("succeeded");
  return life.db.reconciliationLine.findFirstOrThrow({ where: { runId: recon.id, chargeKey: `plan:${sub.planCode}` } });
}

describe("a prepaid termination's credit, reconciled", () => {
  it("the hub credits 21 of January's 31 days in Odoo: 31.00 × 21/31 = 21.00, posted, dated the termination day", async () => {
    expect(await creditNotesOf(life.odoo, subs.credited.orderRef)).toEqual([
      { date: "2026-01-10", state: "posted", paymentState: "not_paid", lines: ["21 Plan: unused days 2026-01-11 to 2026-01-31 (21 of 31)"], reversed: { paymentState: "paid", residual: 0 } },
    ]);
    expect(await creditNotesOf(life.odoo, subs.skipped.orderRef)).toEqual([]);
  });

  it("nets Lago's credit note and Odoo's from the fee: 10.00 on each side, a match", async () => {
    seedLago(subs.credited, true);
    const line = await reconcileJanuary(subs.credited);
    expect(line).toMatchObject({ status: "match", lagoAmountCents: 1000n, odooAmountCents: 1000n, amountDiffCents: 0n });
    const raw = line.raw as { lago: Array<Record<string, unknown>>; odoo: Array<{ moveType: string }> };
    expect(raw.lago.map((entry) => (entry.creditNote ? "credit note" : "invoice"))).toEqual(["invoice", "credit note"]);
    expect(raw.odoo.map((entry) => entry.moveType).sort()).toEqual(["out_invoice", "out_refund"]);
  });

  it("a credit on one side only is a fee difference: Lago credited 21.00, Odoo did not", async () => {
    seedLago(subs.lagoOnly, true);
    expect(await reconcileJanuary(subs.lagoOnly)).toMatchObject({ status: "amount_mismatch", lagoAmountCents: 1000n, odooAmountCents: 3100n, amountDiffCents: -2100n });
  });

  it("a voided Lago credit note no longer counts", async () => {
    seedLago(subs.skipped, true);
    peer.data.credit_notes.at(-1)!.credit_status = "voided";
    expect(await reconcileJanuary(subs.skipped)).toMatchObject({ status: "match", lagoAmountCents: 3100n, odooAmountCents: 3100n });
  });
});
