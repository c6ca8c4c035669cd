import { describe, expect, it } from "vitest";
import { checkOutboundUrl, isPublicAddress, parseAllowedHosts } from "./outbound-url";

const strict = { allowedHosts: [] };
const lab = { allowedHosts: ["127.0.0.1", "lago.internal:3000", "[::1]"] };

describe("isPublicAddress", () => {
  it.each([
    ["8.8.8.8", true],
    ["93.184.216.34", true],
    ["2606:4700:4700::1111", true],
    ["127.0.0.1", false], // loopback
    ["127.255.0.9", false],
    ["10.0.0.1", false], // private
    ["172.16.5.4", false],
    ["192.168.1.1", false],
    ["169.254.169.254", false], // link-local: cloud metadata
    ["100.64.0.1", false], // CGNAT
    ["0.0.0.0", false], // unspecified
    ["0.1.2.3", false],
    ["224.0.0.1", false], // multicast
    ["255.255.255.255", false], // broadcast
    ["192.0.2.1", false], // reserved (documentation)
    ["198.18.0.1", false], // benchmarking
    ["240.0.0.1", false],
    ["::1", false],
    ["::", false],
    ["fe80::1", false],
    ["fc00::1", false], // unique local
    ["fd12:3456::1", false],
    ["ff02::1", false],
    ["::ffff:127.0.0.1", false], // IPv4-mapped: refused whatever it maps to
    ["::ffff:8.8.8.8", false],
    ["64:ff9b::7f00:1", false], // NAT64
    ["2002:7f00:1::", false], // 6to4
    ["2001::1", false], // Teredo
    ["100::1", false], // discard
    ["not an address", false],
  ])("%s → %s", (address, expected) => {
    expect(isPublicAddress(address)).toBe(expected);
  });
});

describe("checkOutboundUrl", () => {
  it.each([
    ["https://hooks.example.com/nexa", strict],
    ["https://8.8.8.8/hook", strict],
    ["https://[2606:4700:4700::1111]/hook", strict],
    ["http://127.0.0.1:3300/hook", lab],
    ["https://127.0.0.1/hook", lab],
    ["http://lago.internal:3000/api/v1", lab],
    ["http://[::1]:8080/", lab],
  ])("accepts %s", (url, policy) => {
    expect(checkOutboundUrl(url, policy)).toMatchObject({ ok: true });
  });

  it("marks allowlisted hosts as trusted, others not", () => {
    expect(checkOutboundUrl("http://127.0.0.1:1/", lab)).toMatchObject({ ok: true, trusted: true });
    expect(checkOutboundUrl("https://hooks.example.com/", lab)).toMatchObject({ ok: true, trusted: false });
  });

  it.each([
    ["not a url", strict, /not a valid URL/],
    ["file:///etc/passwd", strict, /only https/],
    ["gopher://127.0.0.1:6379/_INFO", strict, /only https/],
    ["ftp://example.com/", strict, /only https/],
    ["javascript:alert(1)", strict, /only https/],
    ["http://hooks.example.com/", strict, /https/],
    ["https://user:pass@hooks.example.com/", strict, /credentials/],
    ["https://127.0.0.1/", strict, /loopback/],
    ["https://10.1.2.3/", strict, /private/],
    ["https://169.254.169.254/latest/meta-data/", strict, /linkLocal/],
    ["https://100.64.1.1/", strict, /carrierGradeNat/],
    ["https://0.0.0.0/", strict, /unspecified/],
    ["https://224.0.0.1/", strict, /multicast/],
    ["https://[::1]:5432/", strict, /loopback/],
    ["https://[fe80::1]/", strict, /linkLocal/],
    ["https://[fd00::1]/", strict, /uniqueLocal/],
    ["https://[::]/", strict, /unspecified/],
    ["https://[::ffff:127.0.0.1]/", strict, /non-canonical/],
    ["https://[::ffff:7f00:1]/", strict, /ipv4Mapped/],
    // Odd IPv4 spellings are refused even when the address they spell is allowlisted.
    ["http://0x7f000001:3300/", lab, /non-canonical/],
    ["http://2130706433:3300/", lab, /non-canonical/],
    ["http://0177.0.0.1/", lab, /non-canonical/],
    ["http://127.1/", lab, /non-canonical/],
    ["http://127.0.0.1./", lab, /non-canonical/],
    ["http://%31%32%37.0.0.1/", lab, /non-canonical/],
    ["http://[0:0:0:0:0:0:0:1]/", lab, /non-canonical/],
    ["http://localhost:3300/", lab, /https/], // not listed by name
    ["http://lago.internal:3001/", lab, /https/], // listed with another port
  ])("refuses %s", (url, policy, reason) => {
    const check = checkOutboundUrl(url, policy);
    expect(check.ok).toBe(false);
    if (!check.ok) expect(check.reason).toMatch(reason);
  });
});

describe("parseAllowedHosts", () => {
  it("splits, trims and lowercases; empty is none", () => {
    expect(parseAllowedHosts(" Lago.Internal:3000 ,127.0.0.1,, ")).toEqual(["lago.internal:3000", "127.0.0.1"]);
    expect(parseAllowedHosts(undefined)).toEqual([]);
  });
});
