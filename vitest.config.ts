import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";
import { TEST_OUTBOUND_ALLOWANCE } from "./tests/support/outbound-allowance";

const root = fileURLToPath(new URL(".", import.meta.url));

export default defineConfig({
  resolve: { alias: { "~": root } },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          include: ["server/**/*.test.ts", "lib/**/*.test.ts", "components/**/*.test.ts", "odoo-sim/**/*.test.ts", "deploy/**/*.test.ts"],
          exclude: ["**/*.int.test.ts", "node_modules/**"],
        },
      },
      {
        extends: true,
        test: {
          name: "integration",
          include: ["**/*.int.test.ts", "tests/scenarios/**/*.test.ts"],
          exclude: ["node_modules/**"],
          globalSetup: ["tests/global-setup.ts"],
          // Drains and imports run in the test process too (and in the CLIs it spawns).
          env: TEST_OUTBOUND_ALLOWANCE,
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
      {
        extends: true,
        test: {
          // The real Odoo 19 peer (../shared/odoo19) and the simulator, held to the same answers.
          name: "odoo",
          include: ["tests/odoo/**/*.test.ts"],
          exclude: ["node_modules/**"],
          globalSetup: ["tests/odoo/global-setup.ts"],
          testTimeout: 60_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
