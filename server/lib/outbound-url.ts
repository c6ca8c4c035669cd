import ipaddr from "ipaddr.js";

/*
 * The address guard for every URL the hub calls on someone's say-so (service webhook
 * URLs, a Lago import's base URL). Pure: what a URL may be, and which resolved addresses
 * may be connected to. `guarded-fetch.ts` applies it at connection time, after DNS.
 */

export interface OutboundPolicy {
  /**
   * Hosts an operator vouched for (`host` or `host:port`, as written in the URL): they
   * may use plain http and may resolve to a private or loopback address.
   */
  allowedHosts: readonly string[];
}

export type OutboundUrlCheck = { ok: true; url: URL; trusted: boolean } | { ok: false; reason: string };

/** Only global unicast addresses are reachable for URLs that are not on the allowlist. */
export function isPublicAddress(address: string): boolean {
  if (!ipaddr.isValid(address)) return false;
  // ipaddr names every special range (loopback, private, linkLocal, carrierGradeNat, multicast,
  // unspecified, broadcast, reserved, uniqueLocal, ipv4Mapped, rfc6052, 6to4, teredo, ...);
  // ordinary internet addresses are "unicast". IPv4-mapped IPv6 is refused as such.
  return ipaddr.parse(address).range() === "unicast";
}

/** The address range's name, for error messages ("loopback", "private", ...). */
export function addressRange(address: string): string {
  return ipaddr.isValid(address) ? ipaddr.parse(address).range() : "invalid";
}

// The host exactly as written in the URL (before the WHATWG parser canonicalises it).
const WRITTEN_HOST = /^[a-z][a-z0-9+.-]*:\/\/(?:[^@/?#\\]*@)?(\[[^\]]*\]|[^:/?#\\]*)/i;

const stripBrackets = (host: string) => (host.startsWith("[") ? host.slice(1, -1) : host);

/** True when a URL's hostname is an IP address (IPv4, or bracketed IPv6), not a name to resolve. */
export const isIpAddressHost = (hostname: string) => ipaddr.isValid(stripBrackets(hostname));

export function isAllowedHost(url: URL, policy: OutboundPolicy): boolean {
  const entries = policy.allowedHosts.map((entry) => entry.trim().toLowerCase()).filter(Boolean);
  return entries.includes(url.host) || entries.includes(url.hostname);
}

/**
 * What may be called before any DNS lookup: http(s) only, no credentials in the URL, https
 * unless the host is allowlisted, and an IP literal only in its canonical form and only if
 * public (or allowlisted). `0x7f000001`, `2130706433`, `0177.0.0.1`, `127.1` and
 * `%31%32%37.0.0.1` all parse as 127.0.0.1: they are refused outright, so an allowlist
 * entry `127.0.0.1` matches that spelling only.
 */
export function checkOutboundUrl(raw: string, policy: OutboundPolicy): OutboundUrlCheck {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return { ok: false, reason: "is not a valid URL" };
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") return { ok: false, reason: `uses ${url.protocol.replace(/:$/, "")}: only https is allowed` };
  if (url.username || url.password) return { ok: false, reason: "must not contain credentials" };
  const written = WRITTEN_HOST.exec(raw.trim())?.[1]?.toLowerCase();
  const ipLiteral = isIpAddressHost(url.hostname);
  if (ipLiteral && written !== url.hostname) return { ok: false, reason: `writes an IP address in a non-canonical form (${written ?? "?"}): write ${url.hostname}` };
  const trusted = isAllowedHost(url, policy);
  if (url.protocol === "http:" && !trusted) return { ok: false, reason: "must use https" };
  if (ipLiteral && !trusted && !isPublicAddress(stripBrackets(url.hostname))) {
    return { ok: false, reason: `points to a ${addressRange(stripBrackets(url.hostname))} address` };
  }
  return { ok: true, url, trusted };
}

/** Reads a comma-separated allowlist env value. */
export const parseAllowedHosts = (value: string | undefined): string[] =>
  (value ?? "").split(",").map((entry) => entry.trim().toLowerCase()).filter(Boolean);
