import { type DbOrTx, pgPoolOf } from "./client";

/**
 * One statement with positional parameters ($1, $2, …) and its rows. On a PostgreSQL
 * client it goes straight to the pg pool Prisma shares: on the ingestion path Prisma's
 * own work per statement (parameter and result mapping through its query interpreter)
 * was 8–12 % of the web process's CPU. A transaction or the embedded database takes
 * Prisma's $queryRawUnsafe, with the same SQL. Values come back as pg parses them
 * (text, Date for timestamps): select text for anything else.
 */
export async function rawQuery<Row>(db: DbOrTx, sql: string, params: unknown[]): Promise<Row[]> {
  const pool = pgPoolOf(db);
  if (pool) return (await pool.query(sql, params)).rows as Row[];
  return db.$queryRawUnsafe<Row[]>(sql, ...params);
}
