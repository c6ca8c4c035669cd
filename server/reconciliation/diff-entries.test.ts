import { describe, expect, it } from "vitest";
import { countLineStatuses } from "./count-line-statuses";
import { diffEntries } from "./diff-entries";
import type { SideEntry } from "./line-status";

const entry = (customerKey: string, chargeKey: string, amountCents: number, units: string | null, serviceCode = "cloud"): SideEntry => ({
  serviceCode, customerKey, chargeKey, units, amountCents: BigInt(amountCents), currency: "USD", raw: { customerKey, amountCents },
});

describe("diffEntries", () => {
  it("classifies every key seen on any side, sorted by service, customer, charge", () => {
    const lines = diffEntries({
      toleranceCents: 2n,
      lago: [entry("acme", "api", 1000, "10"), entry("beta", "api", 501, "5"), entry("gamma", "api", 900, "9"), entry("delta", "api", 300, "3"), entry("zeta", "api", 510, "5")],
      odoo: [entry("acme", "api", 1000, null), entry("beta", "api", 500, null), entry("gamma", "api", 800, null), entry("epsilon", "api", 200, null), entry("zeta", "api", 500, null)],
      hub: [entry("acme", "api", 1000, "10"), entry("beta", "api", 500, "5"), entry("gamma", "api", 800, "8"), entry("epsilon", "api", 200, "2"), entry("zeta", "api", 500, "5")],
    });
    expect(lines.map((line) => [line.customerKey, line.status, line.amountDiffCents])).toEqual([
      ["acme", "match", 0n],
      ["beta", "match", 1n],
      ["delta", "missing_in_odoo", 300n],
      ["epsilon", "missing_in_lago", -200n],
      ["gamma", "units_mismatch", 100n],
      ["zeta", "amount_mismatch", 10n],
    ]);
    expect(countLineStatuses(lines)).toEqual({ match: 2, amount_mismatch: 1, units_mismatch: 1, missing_in_lago: 1, missing_in_odoo: 1 });
  });

  it("sums several entries of one key on a side (two subscriptions, an invoice and a refund)", () => {
    const [line] = diffEntries({
      toleranceCents: 0n,
      lago: [entry("acme", "api", 600, "6"), entry("acme", "api", 400, "4.5")],
      odoo: [entry("acme", "api", 1200, null), entry("acme", "api", -200, null)],
      hub: [entry("acme", "api", 1000, "10.5")],
    });
    expect(line).toMatchObject({ status: "match", amountDiffCents: 0n, lago: { units: "10.5", amountCents: 1000n }, odoo: { units: null, amountCents: 1000n } });
    expect(line!.lago!.raws).toHaveLength(2);
  });

  it("keeps services and charges apart", () => {
    const lines = diffEntries({
      toleranceCents: 0n,
      lago: [entry("acme", "api", 100, "1", "cloud"), entry("acme", "storage", 100, "1", "cloud")],
      odoo: [entry("acme", "api", 100, null, "desk")],
      hub: [],
    });
    expect(lines.map((line) => [line.serviceCode, line.chargeKey, line.status])).toEqual([
      ["cloud", "api", "missing_in_odoo"],
      ["cloud", "storage", "missing_in_odoo"],
      ["desk", "api", "missing_in_lago"],
    ]);
  });

  it("returns no lines and zero counts for an empty period", () => {
    const lines = diffEntries({ toleranceCents: 0n, lago: [], odoo: [], hub: [] });
    expect(lines).toEqual([]);
    expect(countLineStatuses(lines)).toEqual({ match: 0, amount_mismatch: 0, units_mismatch: 0, missing_in_lago: 0, missing_in_odoo: 0 });
  });
});
