import { readdirSync, readFileSync } from "node:fs";

/*
 * Where a phase's CPU went, read from /proc: the app's process, PostgreSQL (every
 * `postgres` process, plus what its exited backends left in the postmaster's children
 * time, as the baseline's pools close theirs), this process (the load generator) and the
 * machine as a whole. On two shared cores a ratio means little without knowing which of
 * them was busy.
 */
export interface CpuSnapshot {
  app: number;
  appSystem: number;
  postgres: number;
  bench: number;
  busy: number;
  total: number;
}

const TICKS_PER_SECOND = 100;

function processTicks(stat: string): { comm: string; ppid: number; own: number; system: number; children: number } {
  // The command may hold spaces and parentheses: the fields start after the last ')'.
  const close = stat.lastIndexOf(")");
  const comm = stat.slice(stat.indexOf("(") + 1, close);
  const fields = stat.slice(close + 2).split(" ");
  // Fields 4, 14–17 of proc(5), counted from field 3 (state) here.
  return { comm, ppid: Number(fields[1]), own: Number(fields[11]) + Number(fields[12]), system: Number(fields[12]), children: Number(fields[13]) + Number(fields[14]) };
}

export function cpuSnapshot(appPid: number): CpuSnapshot {
  let app = 0;
  let appSystem = 0;
  let postgres = 0;
  const stats = new Map<number, ReturnType<typeof processTicks>>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      stats.set(Number(entry), processTicks(readFileSync(`/proc/${entry}/stat`, "utf8")));
    } catch {
      // Exited while being read.
    }
  }
  for (const [pid, stat] of stats) {
    if (pid === appPid) (app = stat.own), (appSystem = stat.system);
    if (stat.comm !== "postgres") continue;
    postgres += stat.own;
    if (stats.get(stat.ppid)?.comm !== "postgres") postgres += stat.children;
  }
  const usage = process.cpuUsage();
  const [, ...times] = readFileSync("/proc/stat", "utf8").split("\n")[0]!.trim().split(/\s+/).map(Number);
  const idle = (times[3] ?? 0) + (times[4] ?? 0);
  const total = times.reduce((sum, t) => sum + t, 0);
  return { app: app / TICKS_PER_SECOND, appSystem: appSystem / TICKS_PER_SECOND, postgres: postgres / TICKS_PER_SECOND, bench: (usage.user + usage.system) / 1e6, busy: (total - idle) / TICKS_PER_SECOND, total: total / TICKS_PER_SECOND };
}

/** What a phase used: `after` minus `before`, added to what earlier rounds of it used. */
export function addCpu(total: CpuSnapshot | undefined, before: CpuSnapshot, after: CpuSnapshot): CpuSnapshot {
  const sum = { app: 0, appSystem: 0, postgres: 0, bench: 0, busy: 0, total: 0, ...total };
  for (const key of Object.keys(sum) as Array<keyof CpuSnapshot>) sum[key] += after[key] - before[key];
  return sum;
}

/** CPU seconds per 1,000 events of each part, and how busy the machine was. */
export function cpuLine(label: string, used: CpuSnapshot, events: number): string {
  const per = (key: keyof CpuSnapshot) => ((used[key] * 1000) / events).toFixed(3);
  return `${label}: CPU s per 1,000 events: app ${per("app")} (kernel ${per("appSystem")}), PostgreSQL ${per("postgres")}, load generator ${per("bench")}; machine ${((used.busy / used.total) * 100).toFixed(0)} % busy`;
}
