import { createHash } from "node:crypto";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Ids come from people and URLs: anything but a UUID is simply not found, never a database error. */
export const isUuid = (value: string) => UUID.test(value);

/** A stable UUID for a name (RFC 4122 layout, version 5: name-based, SHA-1), e.g. for records of another system. */
export function nameBasedUuid(name: string): string {
  const hex = createHash("sha1").update(name).digest("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16)}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
