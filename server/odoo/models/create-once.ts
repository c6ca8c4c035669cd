/**
 * Create without blind retries: one attempt; if the outcome is unknown (timeout,
 * dropped connection, 502/503/504) look the record up by its natural key and return it
 * when the create did go through. Otherwise the error propagates and the caller's job
 * retries the whole (idempotent) find-or-create.
 */
import type { OdooClient } from "../client";
import { outcomeUnknown } from "../errors";

export async function createOnce(
  client: OdooClient,
  model: string,
  vals: Record<string, unknown>,
  findExisting: () => Promise<number | null>,
): Promise<number> {
  try {
    const [id] = await client.call<number[]>(model, "create", { vals_list: [vals] }, { retry: false });
    if (typeof id !== "number") throw new Error(`${model}.create returned no id`);
    return id;
  } catch (err) {
    if (!outcomeUnknown(err)) throw err;
    const found = await findExisting().catch(() => null);
    if (found !== null) return found;
    throw err;
  }
}
