import { type DbOrTx, pgPoolOf } from "./client";

/** A statement sent with rawQuery: its name makes it a prepared statement on each pg connection. */
export interface RawStatement {
  name: string;
  /** SQL with positional parameters ($1, $2, …). */
  text: string;
}

/**
 * One statement and its rows. On a PostgreSQL client it goes straight to the pg pool
 * Prisma shares, prepared once per connection (parsed and planned once, not at every
 * execution): on the ingestion path Prisma's own work per statement (parameter and
 * result mapping through its query interpreter) was 8–12 % of the web process's CPU. A
 * transaction or the embedded database takes Prisma's $queryRawUnsafe, with the same
 * SQL. Values come back as pg parses them (text, Date for timestamps): select text for
 * anything else.
 */
export async function rawQuery<Row>(db: DbOrTx, statement: RawStatement, params: unknown[]): Promise<Row[]> {
  const pool = pgPoolOf(db);
  if (pool) return (await pool.query({ name: statement.name, text: statement.text, values: params })).rows as Row[];
  return db.$queryRawUnsafe<Row[]>(statement.text, ...params);
}
