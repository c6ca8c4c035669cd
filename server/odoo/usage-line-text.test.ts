import { describe, expect, it } from "vitest";
import { usageLineDescription, usageLineName } from "./usage-line-text";

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
