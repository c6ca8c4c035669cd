import { cpus, freemem, loadavg, totalmem } from "node:os";
import { readFileSync } from "node:fs";
import type pg from "pg";
import { type LoadResult, percentile } from "./load";

/** One line of the bench table: the hub against its baseline, and what the issue asks. */
export interface BenchRow {
  path: string;
  hub: string;
  baseline: string;
  /** What the hub keeps of the baseline's speed (throughput, or latency inverted). */
  ratio: string;
  target: string;
}

export const eventsPerSecond = (result: LoadResult, eventsPerRequest: number) => Math.round((result.ok * eventsPerRequest) / result.seconds);
export const p99 = (result: LoadResult) => percentile(result.latenciesMs, 99);
const fmt = (value: number) => value.toLocaleString("en");

export function throughputRow(path: string, hub: number, baseline: number, baselineName: string, target: string): BenchRow {
  return { path, hub: `${fmt(hub)} ev/s`, baseline: `${fmt(baseline)} ev/s (${baselineName})`, ratio: `${(hub / baseline).toFixed(2)}×`, target };
}

export function latencyRow(path: string, hub: LoadResult, baseline: LoadResult, target: string): BenchRow {
  return {
    path,
    hub: `p99 ${p99(hub).toFixed(1)} ms (p50 ${percentile(hub.latenciesMs, 50).toFixed(1)})`,
    baseline: `p99 ${p99(baseline).toFixed(1)} ms (p50 ${percentile(baseline.latenciesMs, 50).toFixed(1)}, SQL)`,
    ratio: `${(p99(baseline) / p99(hub)).toFixed(2)}×`,
    target,
  };
}

/** The machine under the run: absolute figures mean nothing without it. */
export async function hardwareLine(pool: pg.Pool): Promise<string> {
  const cpu = cpus();
  const os = /PRETTY_NAME="([^"]+)"/.exec(readFileSync("/etc/os-release", "utf8"))?.[1] ?? process.platform;
  const { rows } = await pool.query<{ server_version: string }>("SHOW server_version");
  const gib = (bytes: number) => (bytes / 2 ** 30).toFixed(1);
  return `${cpu.length} × ${cpu[0]?.model.trim() ?? "cpu"}, ${gib(totalmem())} GiB (${gib(freemem())} free), ${os}, Node ${process.versions.node}, PostgreSQL ${rows[0]?.server_version} on the same host, load average ${loadavg().map((l) => l.toFixed(2)).join(" ")}`;
}

/** The table as Markdown, ready for the README. */
export function markdownTable(rows: BenchRow[]): string {
  const lines = ["| path | hub | no-app baseline | ratio | target |", "| --- | --- | --- | --- | --- |"];
  for (const row of rows) lines.push(`| ${row.path} | ${row.hub} | ${row.baseline} | ${row.ratio} | ${row.target} |`);
  return lines.join("\n");
}
