import type { Db, DbOrTx } from "./client";

/**
 * Runs `work` in a transaction, or inside the caller's when `db` already is one
 * (Prisma's interactive transactions do not nest). Lets a domain write compose with
 * another in one commit, e.g. a catalog change and its audit row.
 */
export function inTransaction<T>(db: DbOrTx, work: (tx: DbOrTx) => Promise<T>): Promise<T> {
  return "$transaction" in db ? (db as Db).$transaction(work) : work(db);
}
