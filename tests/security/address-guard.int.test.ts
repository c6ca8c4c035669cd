import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { assertOutboundUrl, guardedFetch, OutboundUrlError, type ResolveHost } from "~/server/lib/guarded-fetch";

/*
 * The guard at connection time, with a scripted resolver standing in for DNS. A local
 * HTTP server plays the internal service an attacker wants reached.
 */
let server: Server;
let port: number;
let hits = 0;
beforeAll(async () => {
  server = createServer((_request, response) => {
    hits++;
    response.end("internal secret");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(() => new Promise((resolve) => server.close(resolve)));

const answers = (...sequence: string[][]): ResolveHost => {
  let call = 0;
  return async () => (sequence[Math.min(call++, sequence.length - 1)] ?? []).map((address) => ({ address, family: address.includes(":") ? 6 : 4 }));
};

const policy = (allowedHosts: string[] = []) => ({ policy: { allowedHosts } });

describe("guardedFetch", () => {
  it("refuses a name that resolves to loopback, without sending anything", async () => {
    const before = hits;
    // Refused at lookup, before a TCP connection (let alone TLS) is opened.
    await expect(guardedFetch(`https://internal.test:${port}/`, {}, { ...policy(), resolve: answers(["127.0.0.1"]) })).rejects.toThrow(/resolves to a loopback address/);
    expect(hits).toBe(before);
  });

  it("refuses when any one of several addresses is private", async () => {
    await expect(guardedFetch(`https://mixed.test:${port}/`, {}, { ...policy(), resolve: answers(["8.8.8.8", "10.0.0.7"]) })).rejects.toThrow(/private/);
  });

  it("checks again at connect time: a DNS answer rebound to loopback after the save-time check is refused", async () => {
    const resolve = answers(["93.184.216.34"], ["127.0.0.1"]);
    await assertOutboundUrl(`https://rebind.test:${port}/`, { policy: { allowedHosts: [] }, resolve });
    const before = hits;
    await expect(guardedFetch(`https://rebind.test:${port}/`, {}, { ...policy(), resolve })).rejects.toThrow(/loopback/);
    expect(hits).toBe(before);
  });

  it("connects to the address it checked: an allowlisted host reaches its private address, over http", async () => {
    const response = await guardedFetch(`http://lab.test:${port}/`, {}, { ...policy([`lab.test:${port}`]), resolve: answers(["127.0.0.1"]) });
    expect(await response.text()).toBe("internal secret");
  });

  it("refuses IP literals and odd spellings before any connection", async () => {
    for (const url of [`http://127.0.0.1:${port}/`, `https://[::1]:${port}/`, `http://0x7f000001:${port}/`, `http://2130706433:${port}/`, "file:///etc/passwd"]) {
      await expect(guardedFetch(url, {}, policy())).rejects.toThrow(OutboundUrlError);
    }
  });

  it("does not follow redirects", async () => {
    const redirecting = createServer((_request, response) => response.writeHead(302, { location: "http://169.254.169.254/" }).end());
    await new Promise<void>((resolve) => redirecting.listen(0, "127.0.0.1", resolve));
    const redirectPort = (redirecting.address() as AddressInfo).port;
    try {
      const response = await guardedFetch(`http://127.0.0.1:${redirectPort}/`, {}, policy([`127.0.0.1:${redirectPort}`]));
      expect(response.status).toBe(302);
    } finally {
      await new Promise((resolve) => redirecting.close(resolve));
    }
  });
});

describe("assertOutboundUrl (save time)", () => {
  it("refuses a name resolving inside, accepts one that does not resolve yet", async () => {
    await expect(assertOutboundUrl("https://metadata.test/", { policy: { allowedHosts: [] }, resolve: answers(["169.254.169.254"]) })).rejects.toThrow(/linkLocal/);
    await expect(assertOutboundUrl("https://not-yet.test/", { policy: { allowedHosts: [] }, resolve: answers([]) })).resolves.toBeUndefined();
    await expect(assertOutboundUrl("https://hooks.test/", { policy: { allowedHosts: [] }, resolve: answers(["8.8.8.8"]) })).resolves.toBeUndefined();
  });
});
