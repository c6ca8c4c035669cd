import { describe, expect, inject, it } from "vitest";
import { type Lifecycle, startLifecycle } from "./support/lifecycle";
import { type ContractPeer, describeEachPeer } from "./support/peers";

/*
 * The differential suite of sale_subscription lifecycles: each lifecycle runs, day by day
 * through Odoo's crons, on the simulator and on the real Odoo 19 with the repo's
 * stand-in addon (Community's own invoices, taxes and payments). Each peer is held to the
 * facts of ../shared/reference/odoo19.md, then both must have produced the same invoices
 * line by line (dates, quantities, prices, taxes, payment states) and the same order
 * states and next invoice dates after every step. Each lifecycle lives in its own year
 * and ends churned, so the crons of one never bill another's order.
 */

type Outcome = { trail: unknown[]; ledger: unknown };
const outcomes = new Map<string, Map<ContractPeer["name"], Outcome>>();
const keep = (name: string, peer: ContractPeer, life: Lifecycle) => async () => {
  const byPeer = outcomes.get(name) ?? new Map<ContractPeer["name"], Outcome>();
  byPeer.set(peer.name, { trail: life.trail, ledger: await life.ledger() });
  outcomes.set(name, byPeer);
};
const fee = (price: number) => ({ policy: "order" as const, price });
const usage = (price: number) => ({ policy: "delivery" as const, price });
const trailOf = (life: Lifecycle) => life.trail as Array<{ step: string; state: string; next: string; end: string | false; closeReason: string | false; invoices: number }>;

const LIFECYCLES = ["prepaid fee and usage", "in arrears, ended", "unpaid, closed and reopened", "payment gate", "draft invoice", "plan change in arrears"] as const;

describeEachPeer("sale_subscription lifecycles", (peer) => {
  it(LIFECYCLES[0], async () => {
    // Fee in advance, usage in arrears; a month without usage, a price change mid-month, every invoice paid.
    const life = await startLifecycle(peer(), { start: "2031-01-01", lines: [fee(29), usage(0.5)], order: { require_payment: false } });
    await life.days("2031-01-01");
    await life.payAll(); // unpaid 15 days past due, Odoo would close it
    await life.days("2031-01-02", "2031-01-30");
    await life.writeLine(1, { qty_delivered: 10 });
    await life.days("2031-01-31", "2031-02-01");
    await life.payAll();
    await life.writeLine(1, { qty_delivered: 0 });
    await life.writeLine(0, { price_unit: 39 });
    await life.days("2031-02-02", "2031-03-01");
    await life.payAll();
    await life.writeLine(1, { qty_delivered: 4 });
    await life.days("2031-03-02", "2031-04-01");
    await life.payAll();
    await life.writeOrder({ end_date: "2031-04-15" });
    await life.days("2031-04-15");
    const trail = trailOf(life);
    expect(trail.at(-1)).toMatchObject({ state: "6_churn", closeReason: "End of contract", invoices: 4 });
    expect(trail.find((t) => t.step === "crons 2031-01-31..2031-02-01")).toMatchObject({ next: "2031-03-01", invoices: 2 });
    await keep(LIFECYCLES[0], peer(), life)();
  });

  it(LIFECYCLES[1], async () => {
    // Everything postpaid: first invoice a period after the start; ended a week after its last period, as the hub ends orders.
    const life = await startLifecycle(peer(), { start: "2032-01-01", lines: [{ ...usage(29), quantity: 1, delivered: 1 }, usage(2)], order: { require_payment: false } });
    expect(trailOf(life)[0]).toMatchObject({ next: "2032-02-01" });
    await life.writeLine(1, { qty_delivered: 3 });
    await life.writeOrder({ end_date: "2032-03-08" });
    await life.days("2032-01-01", "2032-02-01");
    await life.payAll();
    await life.days("2032-02-02", "2032-03-01");
    await life.payAll();
    await life.days("2032-03-02", "2032-03-08");
    expect(trailOf(life).at(-1)).toMatchObject({ state: "6_churn", end: "2032-03-08", closeReason: "End of contract", invoices: 2, next: "2032-04-01" });
    await keep(LIFECYCLES[1], peer(), life)();
  });

  it(LIFECYCLES[2], async () => {
    const life = await startLifecycle(peer(), { start: "2033-01-01", lines: [fee(29)], order: { require_payment: false } });
    await life.days("2033-01-01", "2033-01-17");
    expect(trailOf(life).at(-1)).toMatchObject({ state: "6_churn", end: "2033-01-17", closeReason: "Unpaid subscription" });
    await life.payAll();
    expect(trailOf(life).at(-1)).toMatchObject({ state: "3_progress", end: false, closeReason: false, next: "2033-02-01" });
    await life.days("2033-01-18", "2033-02-01");
    await life.payAll();
    await life.writeOrder({ end_date: "2033-02-10" });
    await life.days("2033-02-10");
    expect(trailOf(life).at(-1)).toMatchObject({ state: "6_churn", closeReason: "End of contract", invoices: 2 });
    await keep(LIFECYCLES[2], peer(), life)();
  });

  it(LIFECYCLES[3], async () => {
    // Created as an API user would without saying otherwise: the company's 100 % prepayment asks online payment.
    const life = await startLifecycle(peer(), { start: "2034-01-01", lines: [fee(29)] });
    await life.days("2034-01-01", "2034-01-15");
    expect(trailOf(life).at(-1)).toMatchObject({ state: "3_progress", invoices: 0 });
    await life.days("2034-01-16");
    expect(trailOf(life).at(-1)).toMatchObject({ state: "6_churn", end: "2034-01-16", closeReason: "Automatic renewal failed", invoices: 0 });
    await keep(LIFECYCLES[3], peer(), life)();
  });

  it(LIFECYCLES[4], async () => {
    const life = await startLifecycle(peer(), { start: "2035-01-01", lines: [fee(29)], order: { require_payment: false } });
    expect((await life.invoiceByHand()).status).toBe(200);
    const again = await life.invoiceByHand();
    expect(again).toEqual({ status: 422, message: expect.stringContaining("The following recurring orders have draft invoices.") });
    await life.days("2035-01-01", "2035-01-16");
    expect(trailOf(life).at(-1)).toMatchObject({ state: "3_progress", invoices: 1 });
    await life.days("2035-01-17");
    expect(trailOf(life).at(-1)).toMatchObject({ state: "6_churn", closeReason: "Automatic renewal failed" });
    await keep(LIFECYCLES[4], peer(), life)();
  });

  it(LIFECYCLES[5], async () => {
    // As the hub changes a plan mid-February: the old fee line to zero, the new plan's fee line added at zero, then delivered.
    const life = await startLifecycle(peer(), { start: "2036-01-01", lines: [{ ...usage(29), quantity: 1, delivered: 1 }, usage(0.5)], order: { require_payment: false } });
    await life.writeLine(1, { qty_delivered: 10 });
    await life.days("2036-01-01", "2036-02-01");
    await life.payAll();
    await life.writeLine(1, { qty_delivered: 4 });
    await life.days("2036-02-02", "2036-02-10");
    await life.writeLine(0, { product_uom_qty: 0, qty_delivered: 0 });
    await life.addLine({ ...usage(49), quantity: 0, delivered: 0 });
    await life.writeLine(2, { product_uom_qty: 1, qty_delivered: 1 });
    await life.days("2036-02-11", "2036-03-01");
    await life.payAll();
    await life.writeOrder({ end_date: "2036-03-08" });
    await life.days("2036-03-02", "2036-03-08");
    expect(trailOf(life).at(-1)).toMatchObject({ state: "6_churn", closeReason: "End of contract", invoices: 2 });
    const ledger = await life.ledger() as Array<{ lines: Array<{ line: number; quantity: number; price: number; from: string | false; to: string | false }> }>;
    // February's invoice bills the usage and the new fee for February, and nothing of the old fee.
    expect(ledger[1]!.lines.filter((l) => l.quantity !== 0).map((l) => [l.line, l.quantity, l.price, l.from, l.to])).toEqual([
      [1, 4, 0.5, "2036-02-01", "2036-02-29"],
      [2, 1, 49, "2036-02-01", "2036-02-29"],
    ]);
    await keep(LIFECYCLES[5], peer(), life)();
  });
}, { needs: "subscriptions" });

describe("the simulator and the stand-in bill every lifecycle alike", () => {
  const standin = inject("odooPeers").standin;
  it.skipIf(!standin).each(LIFECYCLES)("%s", (name) => {
    const byPeer = outcomes.get(name);
    expect(byPeer?.get("simulator"), "the simulator ran it").toBeDefined();
    expect(byPeer?.get("odoo19-standin"), "the stand-in ran it").toBeDefined();
    expect(byPeer!.get("simulator")).toEqual(byPeer!.get("odoo19-standin"));
  });
});
