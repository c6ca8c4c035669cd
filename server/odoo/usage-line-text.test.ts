import { describe, expect, it } from "vitest";
import { lateUsageLineDescription, metricCodeOfUsageLine, periodStartInText, periodStartOfUsageLine, usageLineDescription, usageLineName, usagePeriodOfLine } from "./usage-line-text";

const metric = { name: "vCPU hours", code: "vcpu_hours" };

describe("usage line text", () => {
  it("names the charge's line by metric name and code", () => {
    expect(usageLineName(metric)).toBe("vCPU hours usage [vcpu_hours]");
  });

  it("adds the period's units under the stable first line, with the last day inclusive", () => {
    const text = usageLineDescription({
      metric,
      period: { start: new Date("2026-10-01T00:00:00Z"), end: new Date("2026-11-01T00:00:00Z") },
      usage: { units: "240", freeUnitsUsed: "100", billableUnits: "140" },
    });
    expect(text).toBe("vCPU hours usage [vcpu_hours]\n240 units, 100 included, 140 billed (2026-10-01 to 2026-10-31)");
    expect(text.split("\n")[0]).toBe(usageLineName(metric));
  });

  it("keeps fractional units exactly as aggregated", () => {
    const text = usageLineDescription({
      metric: { name: "Storage", code: "gb_month" },
      period: { start: new Date("2026-02-01T00:00:00Z"), end: new Date("2026-03-01T00:00:00Z") },
      usage: { units: "12.345", freeUnitsUsed: "10", billableUnits: "2.345" },
    });
    expect(text).toBe("Storage usage [gb_month]\n12.345 units, 10 included, 2.345 billed (2026-02-01 to 2026-02-28)");
  });
});

describe("usage line text: what the push writes, reconciliation reads back", () => {
  const period = { start: new Date("2026-10-01T00:00:00Z"), end: new Date("2026-11-01T00:00:00Z") };
  const usage = { units: "240", freeUnitsUsed: "100", billableUnits: "140" };
  it.each([
    ["vcpu_hours", "vCPU hours"],
    ["api.calls-v2", "API calls (v2)"],
    ["seats", "Seats [legacy]"],
    ["GB_Month", "GB month"],
    ["x", ""],
  ])("round-trips metric code %s (named %j) through the line name and the full text", (code, name) => {
    expect(metricCodeOfUsageLine(usageLineName({ name, code }))).toBe(code);
    expect(metricCodeOfUsageLine(usageLineDescription({ metric: { name, code }, period, usage }))).toBe(code);
  });

  it.each([
    ["Odoo's own period text on a later line", "API calls usage [api_calls]\n2026-10-01 to 2026-10-31 [extra]", "api_calls"],
    ["trailing spaces", "x usage [seats] ", "seats"],
    ["the plan's fee, which names no code", "Cloud Pro", undefined],
    ["a code on the second line only", "Cloud Pro\nusage [api_calls]", undefined],
    ["brackets not at the end", "API [beta] calls usage", undefined],
    ["empty brackets", "usage []", undefined],
    ["a code with a space", "usage [api calls]", undefined],
  ])("reads %s", (_name, text, code) => {
    expect(metricCodeOfUsageLine(text)).toBe(code);
  });
});


describe("usagePeriodOfLine", () => {
  it.each([
    ["the push's text", "Storage usage [gb_month]\n12 units, 10 included, 2 billed (2026-02-01 to 2026-02-28)", { firstDay: "2026-02-01", lastDay: "2026-02-28" }],
    ["the invoice line, with Odoo's period appended", "Storage usage [gb_month]\n12 units, 10 included, 2 billed (2026-02-01 to 2026-02-28)\n1 Months 02/01/2026 to 02/28/2026", { firstDay: "2026-02-01", lastDay: "2026-02-28" }],
    ["a plan fee line", "Cloud\n1 Months 02/01/2026 to 02/28/2026", undefined],
    ["a first line that looks like a period", "Odd (2026-02-01 to 2026-02-28)", undefined],
  ])("reads %s", (_name, text, expected) => {
    expect(usagePeriodOfLine(text)).toEqual(expected);
  });
});

describe("periods in line texts", () => {
  const january = { start: new Date("2026-01-01T00:00:00Z"), end: new Date("2026-02-01T00:00:00Z") };
  it.each([
    ["a usage line's period", "Units usage [u]\n25 units, 0 included, 25 billed (2026-01-01 to 2026-01-31)", "2026-01-01", "2026-01-01"],
    ["an invoice line, with Odoo's period after the hub's", "[p] Units Units usage [u]\n3 units (2026-01-01 to 2026-01-31)\n1 Month 03/01/2026 to 03/31/2026", undefined, "2026-01-01"],
    ["a line at rest", "Units usage [u]", undefined, undefined],
  ])("finds %s", (_name, text, atEnd, anywhere) => {
    expect(periodStartOfUsageLine(text)).toBe(atEnd);
    expect(periodStartInText(text)).toBe(anywhere);
  });

  it("labels late usage with its period, the recount and what was invoiced before", () => {
    const text = lateUsageLineDescription({ metric: { name: "GB hours", code: "gb" }, period: january, units: "28", billedCents: 1250n, deltaCents: 150n, currency: "CAD" });
    expect(text).toBe("GB hours late usage [gb]\nAdjustment for events received after invoicing: 28 units in all, 12.50 CAD invoiced before, +1.50 CAD now (2026-01-01 to 2026-01-31)");
    expect(text.startsWith(usageLineName({ name: "GB hours", code: "gb" }))).toBe(false);
    expect(metricCodeOfUsageLine(text)).toBe("gb");
    expect(periodStartInText(text)).toBe("2026-01-01");
  });
});
