import { applyMigrations, diffMigration } from "~/server/db/migrate";
import { env } from "~/server/env";

const [command, name = "migration"] = process.argv.slice(2);

if (command === "deploy") {
  const applied = await applyMigrations(env().DATABASE_URL);
  console.log(applied.length ? `Applied: ${applied.join(", ")}` : "Database is up to date.");
} else if (command === "diff") {
  const dir = await diffMigration(name);
  console.log(dir ? `Wrote ${dir}` : "No schema changes.");
} else {
  console.error("usage: tsx scripts/db-migrate.ts deploy | diff <name>");
  process.exit(2);
}
process.exit(0);
