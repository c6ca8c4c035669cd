import { createHash } from "node:crypto";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Ids come from people and URLs: anything but a UUID is simply not found, never a database error. */
export const isUuid = (value: string) => UUID.test(value);

/** A stable UUID for a name (RFC 4122 layout, version 5: name-based, SHA-1), e.g. for records of another system. */
export function nameBasedUuid(name: string): string {
  const hex = createHash("sha1").update(name).digest("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16)}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

const MAX_RECORD_ID = 2 ** 48 - 1;

/**
 * A stable UUID for record `id` of another system's `kind` (e.g. an Odoo account.move) that
 * also resolves back: the first 20 hex digits are the kind's name-based UUID, the last 12
 * the id. Apps receive it in webhooks and hand it back to the API; `recordIdOfUuid` reads
 * the id again and refuses a UUID another kind (or nobody) minted.
 */
export function recordUuid(kind: string, id: number): string {
  if (!Number.isSafeInteger(id) || id < 0 || id > MAX_RECORD_ID) throw new RangeError(`record id out of range: ${id}`);
  return `${nameBasedUuid(kind).slice(0, 24)}${id.toString(16).padStart(12, "0")}`;
}

/** The id `recordUuid(kind, id)` was made from, or null for any other string. */
export function recordIdOfUuid(kind: string, uuid: string): number | null {
  if (!isUuid(uuid)) return null;
  const id = parseInt(uuid.slice(24), 16);
  return recordUuid(kind, id) === uuid.toLowerCase() ? id : null;
}
