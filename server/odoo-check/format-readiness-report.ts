import { CHECK_SECTIONS, type CheckStatus, type ReadinessReport } from "./assess-readiness";

const MARK: Record<CheckStatus, string> = { pass: "PASS", warn: "WARN", fail: "FAIL" };

/** The report as the CLI prints it: one line per item under its section, then the counts. */
export function formatReadinessReport(report: ReadinessReport): string {
  const lines = [`Odoo readiness: ${report.url}${report.database ? ` (database ${report.database})` : ""}`];
  for (const section of CHECK_SECTIONS) {
    const items = report.items.filter((item) => item.section === section);
    if (!items.length) continue;
    lines.push("", section);
    for (const item of items) lines.push(`  ${MARK[item.status]}  ${item.name}: ${item.detail}`);
  }
  const failed = report.items.filter((item) => item.status === "fail").map((item) => item.name);
  lines.push("", `${report.counts.pass} passed, ${report.counts.warn} warnings, ${report.counts.fail} failed${failed.length ? ` (${failed.join(", ")})` : ""}`);
  return lines.join("\n");
}
