import { PrismaClient } from "~/generated/prisma/client";
import { env } from "~/server/env";
import { openAdapter } from "./adapter";

export type Db = PrismaClient;
/** What a domain function accepts: the client or an interactive transaction. */
export type DbOrTx = Omit<PrismaClient, "$connect" | "$disconnect" | "$on" | "$transaction" | "$extends">;

export async function createDb(url: string, options: { poolSize?: number } = {}): Promise<{ db: Db; close: () => Promise<void> }> {
  const { factory, close } = await openAdapter(url, options);
  const db = new PrismaClient({ adapter: factory });
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
