import { spawnSync } from "node:child_process";

/*
 * README command 2: every suite, in order of speed. Unit tests need nothing; the
 * integration suite needs a production build and PostgreSQL (TEST_PG_URL, default
 * postgresql://postgres@127.0.0.1:5432/postgres), which `.ci/run` provides.
 */
const steps: Array<{ name: string; command: string[] }> = [
  { name: "typecheck", command: ["npx", "tsc", "--noEmit"] },
  { name: "unit", command: ["npx", "vitest", "run", "--project", "unit"] },
  { name: "build", command: ["npx", "next", "build"] },
  { name: "integration", command: ["npx", "vitest", "run", "--project", "integration"] },
  // Browser tests of the admin console (Debian's /usr/bin/chromium, no browser download).
  { name: "e2e", command: ["npx", "playwright", "test"] },
];

const only = process.argv[2];
let passed = 0;
let failed = 0;
for (const step of steps) {
  if (only && step.name !== only) continue;
  console.log(`\n▶ ${step.name}: ${step.command.join(" ")}`);
  const started = Date.now();
  const result = spawnSync(step.command[0]!, step.command.slice(1), { stdio: "inherit", env: process.env });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (result.status === 0) {
    passed++;
    console.log(`✔ ${step.name} (${seconds}s)`);
  } else {
    failed++;
    console.log(`✘ ${step.name} failed (${seconds}s)`);
    break;
  }
}
console.log(`\nsuites: ${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
