/** `search_read` of at most one record: the first match parsed by `row`, or null when none matches. */
import type { z } from "zod";
import type { OdooClient } from "../client";

export async function searchFirst<Row extends z.ZodType>(
  client: OdooClient,
  model: string,
  row: Row,
  query: { domain: unknown[]; fields: string[]; order?: string; context?: Record<string, unknown> },
): Promise<z.output<Row> | null> {
  const rows = await client.call<unknown[]>(model, "search_read", { ...query, limit: 1 });
  return rows.length ? row.parse(rows[0]) : null;
}
