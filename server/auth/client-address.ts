/**
 * The client address of a request: the last X-Forwarded-For entry, i.e. the one the
 * nearest proxy added (`next start` itself sets the header to the socket's peer only when
 * no proxy did). Entries before it are the client's own claims and are ignored.
 */
export function clientAddress(headers: Record<string, string | string[] | undefined> | undefined): string {
  const forwarded = headers?.["x-forwarded-for"];
  const value = Array.isArray(forwarded) ? forwarded.join(",") : forwarded;
  const last = value?.split(",").map((entry) => entry.trim()).filter(Boolean).pop();
  return last ? last.slice(0, 64) : "unknown";
}
