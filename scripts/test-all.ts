import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";

/*
 * README command 2: every suite, in order of speed. Unit tests need nothing; the
 * integration suite needs a production build and PostgreSQL (TEST_PG_URL, default
 * postgresql://postgres@127.0.0.1:5432/postgres), which `.ci/run` provides. The odoo
 * suite starts a real Odoo 19 from ../shared/odoo19 (ODOO19_DIR): without it the real
 * half is skipped loudly, except in CI where that fails the run. The browser
 * tests need Debian's Chromium: installed here with apt when missing and running as root
 * (no browser download from anywhere else), otherwise the run stops saying what to install.
 */
const steps: Array<{ name: string; command: string[] }> = [
  // A second: the README's Layout names every folder, each console area keeps one name.
  { name: "layout", command: ["npx", "tsx", "scripts/check-layout.ts"] },
  { name: "typecheck", command: ["npx", "tsc", "--noEmit"] },
  { name: "unit", command: ["npx", "vitest", "run", "--project", "unit"] },
  { name: "build", command: ["npx", "next", "build"] },
  { name: "integration", command: ["npx", "vitest", "run", "--project", "integration"] },
  // The real Odoo 19 Community peer (../shared/odoo19; its Debian Python packages are
  // installed with apt when missing and running as root) and the simulator held to it.
  { name: "odoo", command: ["npx", "vitest", "run", "--project", "odoo"] },
  // Browser tests of the admin console (Debian's /usr/bin/chromium, no browser download).
  { name: "e2e", command: ["npx", "playwright", "test"] },
];

const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

function ensureChromium(): boolean {
  if (existsSync(CHROMIUM)) return true;
  if (process.getuid?.() === 0 && existsSync("/usr/bin/apt-get")) {
    console.log(`${CHROMIUM} is missing: installing Debian's chromium with apt-get`);
    const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
    for (const args of [["update", "-qq"], ["install", "-y", "-qq", "--no-install-recommends", "chromium"]]) {
      if (spawnSync("apt-get", args, { stdio: "inherit", env }).status !== 0) break;
    }
    if (existsSync(CHROMIUM)) return true;
  }
  console.log(`The browser tests need Chromium at ${CHROMIUM}: install Debian's package (apt-get install chromium) or set CHROMIUM_PATH.`);
  return false;
}

const only = process.argv[2];
let passed = 0;
let failed = 0;
for (const step of steps) {
  if (only && step.name !== only) continue;
  console.log(`\n▶ ${step.name}: ${step.command.join(" ")}`);
  if (step.name === "e2e" && !ensureChromium()) {
    failed++;
    console.log(`✘ ${step.name} failed`);
    break;
  }
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
