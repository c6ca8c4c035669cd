import type { IncomingMessage } from "node:http";
import { PassThrough } from "node:stream";
import { describe, expect, it } from "vitest";
import { nodeApiRequest } from "./api-request";

/** A node request as the web server gets it: a readable body with method, url and headers. */
function incoming(options: { method?: string; url?: string; headers?: Record<string, string | string[]> }) {
  const body = new PassThrough();
  return Object.assign(body, { method: options.method ?? "POST", url: options.url ?? "/api/v1/events", headers: options.headers ?? { host: "hub.test" } }) as unknown as IncomingMessage & PassThrough;
}

describe("nodeApiRequest", () => {
  it("names the URL, query and headers as a web Request would", () => {
    const request = nodeApiRequest(incoming({ url: "/api/v1/customers/a/current_usage?external_subscription_id=s%201", headers: { host: "hub.test:3000", "x-tag": ["a", "b"] } }));
    expect(request.url).toBe("http://hub.test:3000/api/v1/customers/a/current_usage?external_subscription_id=s%201");
    expect(request.searchParams.get("external_subscription_id")).toBe("s 1");
    expect(request.header("X-Tag")).toBe("a, b");
    expect(request.header("authorization")).toBeNull();
  });

  it("falls back to localhost for a Host header that is not a host", () => {
    expect(nodeApiRequest(incoming({ headers: { host: "evil.test/path x" } })).url).toBe("http://localhost/api/v1/events");
    expect(nodeApiRequest(incoming({ headers: { host: "[::1]:3000" } })).url).toBe("http://[::1]:3000/api/v1/events");
  });

  it("reads the whole body, in as many chunks as it came", async () => {
    const raw = incoming({});
    const body = nodeApiRequest(raw).readBody(100);
    raw.write("{\"event\":");
    raw.end("{}}");
    expect((await body)?.toString()).toBe('{"event":{}}');
  });

  it("refuses a body past the limit as it streams, and drains the rest", async () => {
    const raw = incoming({});
    const body = nodeApiRequest(raw).readBody(10);
    raw.write("x".repeat(8));
    raw.write("x".repeat(8));
    await expect(body).rejects.toMatchObject({ code: "payload_too_large" });
    raw.end("x".repeat(1000));
    await new Promise((resolve) => raw.once("end", resolve));
  });

  it("gives up on a request closed before its body ended", async () => {
    const raw = incoming({});
    const body = nodeApiRequest(raw).readBody(100);
    raw.write("{");
    raw.destroy();
    await expect(body).rejects.toThrow("the request closed before its body ended");
  });

  it("has no body on a GET", async () => {
    expect(await nodeApiRequest(incoming({ method: "GET" })).readBody(100)).toBeNull();
  });
});
