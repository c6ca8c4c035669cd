import { describe, expect, it } from "vitest";
import { listPeriodsInWindow } from "./list-periods-in-window";

const at = (iso: string) => new Date(iso);
const days = (periods: Array<{ start: Date; end: Date }>) => periods.map((p) => `${p.start.toISOString().slice(0, 10)}..${p.end.toISOString().slice(0, 10)}`);

type Case = [name: string, options: Partial<Parameters<typeof listPeriodsInWindow>[0]>, expected: string[]];

const base = { interval: "monthly", billingTime: "calendar", subscriptionAt: at("2024-06-01T00:00:00Z"), terminatedAt: null, from: at("2025-01-01T00:00:00Z"), to: at("2025-02-01T00:00:00Z") } as const;

const CASES: Case[] = [
  ["one calendar month", {}, ["2025-01-01..2025-02-01"]],
  ["two months", { to: at("2025-03-01T00:00:00Z") }, ["2025-01-01..2025-02-01", "2025-02-01..2025-03-01"]],
  ["first, prorated period starting inside the window", { subscriptionAt: at("2025-01-15T12:00:00Z") }, ["2025-01-15..2025-02-01"]],
  ["subscription starting after the window", { subscriptionAt: at("2025-02-10T00:00:00Z") }, []],
  ["terminated before the window", { terminatedAt: at("2024-12-20T00:00:00Z") }, []],
  ["terminated inside the window keeps its period", { terminatedAt: at("2025-01-20T00:00:00Z") }, ["2025-01-01..2025-02-01"]],
  ["anniversary period straddling the window start is left out", { billingTime: "anniversary", subscriptionAt: at("2024-06-15T00:00:00Z") }, ["2025-01-15..2025-02-15"]],
  ["quarterly period starting inside", { interval: "quarterly", to: at("2025-04-01T00:00:00Z") }, ["2025-01-01..2025-04-01"]],
];

describe("listPeriodsInWindow", () => {
  it.each(CASES)("%s", (_name, options, expected) => {
    expect(days(listPeriodsInWindow({ ...base, ...options }))).toEqual(expected);
  });
});
