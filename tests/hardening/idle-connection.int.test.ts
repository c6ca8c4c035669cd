import pg from "pg";
import { expect, it } from "vitest";
import { createDb } from "~/server/db/client";
import { rawQuery } from "~/server/db/raw-query";
import { ADMIN_DATABASE_URL, createTestDatabase } from "../support/app-server";

/**
 * PostgreSQL ending the idle connections of the pool the hub shares with Prisma (a
 * terminated backend, a failover): the process must not crash on the pool's error, and
 * the next statement opens a new connection. Before Prisma's first query only the hub
 * listens on that pool, and an unheard error would throw.
 */
it("keeps serving after PostgreSQL ends an idle connection of the shared pool", async () => {
  const database = await createTestDatabase("nexa_idle");
  const { db, close } = await createDb(database.url, { poolSize: 2 });
  const select = { name: "idle-connection-select", text: "SELECT $1::int AS n" };
  try {
    expect(await rawQuery<{ n: number }>(db, select, [1])).toEqual([{ n: 1 }]);
    const admin = new pg.Client({ connectionString: ADMIN_DATABASE_URL });
    await admin.connect();
    const name = new URL(database.url).pathname.slice(1);
    const ended = await admin.query("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1", [name]);
    await admin.end();
    expect(ended.rowCount).toBeGreaterThan(0);
    // The pool hears the end of its idle connection, drops it, and the next statement reconnects.
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(await rawQuery<{ n: number }>(db, select, [2])).toEqual([{ n: 2 }]);
  } finally {
    await close();
    await database.drop();
  }
});
