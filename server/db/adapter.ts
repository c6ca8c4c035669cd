import { mkdirSync } from "node:fs";
import type { SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import type pg from "pg";
import { logger } from "~/server/lib/logger";

/**
 * The one place that turns a DATABASE_URL into a Prisma driver adapter.
 * `postgres://…` is production PostgreSQL; `pglite:<dir>` (or `pglite:memory`) is
 * the embedded database a fresh clone runs on with no server installed.
 */
export type DatabaseKind = "postgres" | "pglite";

export function databaseKind(url: string): DatabaseKind {
  if (url.startsWith("postgres://") || url.startsWith("postgresql://")) return "postgres";
  if (url.startsWith("pglite:")) return "pglite";
  throw new Error(`DATABASE_URL must start with postgres://, postgresql:// or pglite: (got "${url.split(":")[0]}:")`);
}

export interface OpenedAdapter {
  factory: SqlMigrationAwareDriverAdapterFactory;
  close: () => Promise<void>;
  /** PostgreSQL's connection pool, which Prisma uses too: for the few hot statements sent without Prisma (rawQuery). */
  pool?: pg.Pool;
}

export async function openAdapter(url: string, options: { poolSize?: number } = {}): Promise<OpenedAdapter> {
  if (databaseKind(url) === "postgres") {
    const [{ PrismaPg }, { default: pg }] = await Promise.all([import("@prisma/adapter-pg"), import("pg")]);
    const pool = new pg.Pool({ connectionString: url, max: options.poolSize ?? 10 });
    // An idle connection PostgreSQL ends (a restart, a terminated backend) emits an error on
    // the pool, which throws with no listener. PrismaPg listens only while Prisma is
    // connected, and rawQuery may use the pool outside that: the pool drops the connection
    // and the next query opens another, as under PrismaPg's own pool.
    pool.on("error", (error) => logger().warn({ error: error.message }, "idle PostgreSQL connection closed"));
    // The pool is ours, so that rawQuery can share it: closed after Prisma disconnects.
    const factory = new PrismaPg(pool);
    return { factory: factory as unknown as SqlMigrationAwareDriverAdapterFactory, close: () => pool.end(), pool };
  }
  const { PGlite } = await import("@electric-sql/pglite");
  const { PrismaPGlite } = await import("pglite-prisma-adapter");
  const location = url.slice("pglite:".length);
  let pglite: InstanceType<typeof PGlite>;
  if (location === "memory" || location === "") {
    pglite = new PGlite();
  } else {
    mkdirSync(location, { recursive: true });
    pglite = new PGlite(location);
  }
  await pglite.waitReady;
  return {
    factory: new PrismaPGlite(pglite) as unknown as SqlMigrationAwareDriverAdapterFactory,
    close: () => pglite.close(),
  };
}
