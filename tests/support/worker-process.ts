import { type ChildProcess, spawn } from "node:child_process";
import { TEST_OUTBOUND_ALLOWANCE } from "./outbound-allowance";

export interface RunningWorker {
  process: ChildProcess;
  /** Everything it logged so far (JSON lines). */
  logs: () => string;
  /** The exit code (null when killed by a signal). */
  exited: Promise<number | null>;
  /** Sends SIGTERM and waits for the exit. */
  stop: () => Promise<number | null>;
  /** kill -9, as a node dying or an OOM kill would. */
  kill: () => Promise<void>;
  /** Waits until a log line matching `pattern` has been written. */
  waitForLog: (pattern: RegExp, timeoutMs?: number) => Promise<string>;
}

/** `npm run worker` as production runs it (scripts/worker.ts), with the suites' outbound allowance unless `env` overrides it. */
export function startWorkerProcess(env: Record<string, string>): RunningWorker {
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/worker.ts"], {
    env: { ...process.env, ...TEST_OUTBOUND_ALLOWANCE, NODE_ENV: "production", ...env },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  let output = "";
  const forward = process.env.NEXA_TEST_APP_LOGS === "1";
  child.stdout?.on("data", (chunk) => ((output += chunk), forward && process.stdout.write(chunk)));
  child.stderr?.on("data", (chunk) => ((output += chunk), forward && process.stderr.write(chunk)));
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  const signal = (name: NodeJS.Signals) => {
    if (child.exitCode === null && child.signalCode === null) process.kill(-child.pid!, name);
  };
  return {
    process: child,
    logs: () => output,
    exited,
    stop: async () => (signal("SIGTERM"), exited),
    kill: async () => {
      signal("SIGKILL");
      await exited;
    },
    waitForLog: async (pattern, timeoutMs = 30_000) => {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const line = output.split("\n").find((candidate) => pattern.test(candidate));
        if (line) return line;
        if (child.exitCode !== null) throw new Error(`the worker exited (${child.exitCode}) before logging ${pattern}:\n${output}`);
        if (Date.now() > deadline) throw new Error(`the worker did not log ${pattern} within ${timeoutMs} ms:\n${output}`);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    },
  };
}
