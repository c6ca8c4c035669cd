import type pg from "pg";
import { PrismaClient } from "~/generated/prisma/client";
import { env } from "~/server/env";
import { openAdapter } from "./adapter";

export type Db = PrismaClient;
/** What a domain function accepts: the client or an interactive transaction. */
export type DbOrTx = Omit<PrismaClient, "$connect" | "$disconnect" | "$on" | "$transaction" | "$extends">;

// Each PostgreSQL client's pg pool (rawQuery), on globalThis as Next may load this module once per route.
const pools = ((globalThis as { nexaPgPools?: WeakMap<object, pg.Pool> }).nexaPgPools ??= new WeakMap());

/** The pg pool behind this client, or undefined: a transaction, or the embedded database. */
export const pgPoolOf = (db: DbOrTx): pg.Pool | undefined => pools.get(db);

export async function createDb(url: string, options: { poolSize?: number } = {}): Promise<{ db: Db; close: () => Promise<void> }> {
  const { factory, close, pool } = await openAdapter(url, options);
  const db = new PrismaClient({ adapter: factory });
  if (pool) pools.set(db, pool);
  return {
    db,
    close: async () => {
      await db.$disconnect();
      await close();
    },
  };
}

// One client per process, cached on globalThis so Next's dev reloads don't leak pools.
const cache = globalThis as unknown as { nexaDb?: Promise<Db> };

export function getDb(): Promise<Db> {
  cache.nexaDb ??= createDb(env().DATABASE_URL).then((opened) => opened.db);
  return cache.nexaDb;
}
