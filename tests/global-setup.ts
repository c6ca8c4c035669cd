import { existsSync } from "node:fs";
import type { TestProject } from "vitest/node";
import { createTestDatabase, startApp } from "./support/app-server";

declare module "vitest" {
  export interface ProvidedContext {
    baseUrl: string;
    databaseUrl: string;
  }
}

/** One migrated PostgreSQL database and one `next start` for the integration suite. */
export default async function setup(project: TestProject) {
  if (!existsSync(".next/BUILD_ID")) throw new Error("Run `npx next build` before the integration tests (npm test does).");
  const database = await createTestDatabase();
  const app = await startApp({ DATABASE_URL: database.url });
  project.provide("baseUrl", app.baseUrl);
  project.provide("databaseUrl", database.url);
  return async () => {
    await app.stop();
    await database.drop();
  };
}
