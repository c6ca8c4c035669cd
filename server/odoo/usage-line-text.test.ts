import { describe, expect, it } from "vitest";
import { metricCodeOfUsageLine, usageLineDescription, usageLineName, usagePeriodOfLine } from "./usage-line-text";

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
