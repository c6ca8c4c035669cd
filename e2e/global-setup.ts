import { existsSync } from "node:fs";
import { createTestDatabase, startApp, TEST_CRON_SECRET } from "~/tests/support/app-server";
import { TEST_OUTBOUND_ALLOWANCE } from "~/tests/support/outbound-allowance";

/**
 * Like the integration suite's setup: a fresh migrated database and `next start` on a
 * free port. Tests find both through the environment (workers inherit it) and seed
 * their own users and data through e2e/fixtures.ts.
 */
export default async function globalSetup() {
  const distDir = process.env.NEXT_DIST_DIR ?? ".next";
  if (!existsSync(`${distDir}/BUILD_ID`)) throw new Error(`No build in ${distDir}: run \`npx next build\` before the e2e tests (npm test does).`);
  const database = await createTestDatabase("nexa_e2e");
  const app = await startApp({ DATABASE_URL: database.url, CRON_SECRET: TEST_CRON_SECRET });
  process.env.E2E_BASE_URL = app.baseUrl;
  // Workers drain webhooks to their own receivers on 127.0.0.1 (see the allowance's note).
  Object.assign(process.env, TEST_OUTBOUND_ALLOWANCE);
  process.env.E2E_DATABASE_URL = database.url;
  return async () => {
    await app.stop();
    await database.drop();
  };
}
