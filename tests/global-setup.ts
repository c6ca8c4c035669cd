import { generateKeyPairSync } from "node:crypto";
import { existsSync } from "node:fs";
import type { TestProject } from "vitest/node";
import { createTestDatabase, startApp, TEST_CRON_SECRET, TEST_METRICS_TOKEN } from "./support/app-server";

declare module "vitest" {
  export interface ProvidedContext {
    baseUrl: string;
    databaseUrl: string;
  }
}

/** One migrated PostgreSQL database and one `next start` for the integration suite. */
export default async function setup(project: TestProject) {
  const distDir = process.env.NEXT_DIST_DIR ?? ".next";
  if (!existsSync(`${distDir}/BUILD_ID`)) throw new Error(`No build in ${distDir}: run \`npx next build\` before the integration tests (npm test does).`);
  const database = await createTestDatabase();
  // One webhook signing key for the app and the test files (which drain in-process), as
  // a deployment shares WEBHOOK_RSA_PRIVATE_KEY between its web and worker processes.
  process.env.WEBHOOK_RSA_PRIVATE_KEY ??= Buffer.from(
    generateKeyPairSync("rsa", { modulusLength: 2048 }).privateKey.export({ type: "pkcs8", format: "pem" }).toString(),
  ).toString("base64");
  const app = await startApp({ DATABASE_URL: database.url, CRON_SECRET: TEST_CRON_SECRET, METRICS_TOKEN: TEST_METRICS_TOKEN });
  project.provide("baseUrl", app.baseUrl);
  project.provide("databaseUrl", database.url);
  return async () => {
    await app.stop();
    await database.drop();
  };
}
