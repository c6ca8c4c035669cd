import { createDb } from "~/server/db/client";
import { seedDemo } from "~/scripts/support/demo-data";
import { env } from "~/server/env";

const { db, close } = await createDb(env().DATABASE_URL);
try {
  const summary = await seedDemo(db);
  console.log(summary);
} finally {
  await close();
}
