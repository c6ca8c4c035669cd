/**
 * `read` of one record by id. Odoo 19 answers a read of an id that does not exist (any
 * more) with 200 `[]`, not an error, so the absence is turned into the client's own
 * `missing` error here, where the caller expected the record.
 */
import type { OdooClient } from "../client";
import { OdooError } from "../errors";

export async function readRecord(client: OdooClient, model: string, id: number, fields: string[]): Promise<unknown> {
  const rows = await client.call<unknown[]>(model, "read", { ids: [id], fields });
  const row = rows.find((candidate) => (candidate as { id?: unknown }).id === id);
  if (row === undefined) {
    throw new OdooError({
      kind: "missing", retryable: false, odooName: null, status: 200, body: JSON.stringify(rows),
      message: `${model} ${id} does not exist in Odoo (deleted, or another database)`,
    });
  }
  return row;
}
