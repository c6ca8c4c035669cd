import path from "node:path";
import { defineConfig } from "prisma/config";

process.env.PRISMA_SCHEMA_ENGINE_BINARY ??= path.resolve("prisma/engine-stub/schema-engine");

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  // `generate` needs no database; migrations run through scripts/db-migrate.ts.
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://unused@localhost/unused" },
});
