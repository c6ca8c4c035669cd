import { afterEach, describe, expect, inject, it, vi } from "vitest";
import { TRPC_MAX_BATCH_SIZE } from "~/server/trpc/batch-limit";
import { CONSOLE_TEST_PASSWORD as PASSWORD, postSignIn, signedInAs } from "../support/console-session";
import { createTestService, testDb, uniqueCode } from "../support/fixtures";

/*
 * Issue 15: framing, sniffing and header leaks; cookies and NEXTAUTH_URL in production;
 * unbounded tRPC batches; Prisma text in tRPC 500s; spreadsheet formulas in the CSV export.
 */
const baseUrl = () => inject("baseUrl");

describe("security headers on every answer", () => {
  it.each([
    ["a console page", "/sign-in"],
    ["a page that redirects", "/catalog"],
    ["an unknown page", "/no-such-page"],
    ["the Lago API", "/api/v1/customers"],
    ["event ingestion (no proxy pass)", "/api/v1/events"],
    ["tRPC", "/api/trpc/users.me"],
    ["health", "/api/health"],
  ])("%s (%s)", async (_name, path) => {
    const response = await fetch(`${baseUrl()}${path}`, { redirect: "manual" });
    expect(response.headers.get("x-frame-options")).toBe("DENY");
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(response.headers.get("referrer-policy")).toBe("same-origin");
    expect(response.headers.get("x-powered-by")).toBeNull();
    expect(response.headers.get("content-security-policy")).toMatch(/frame-ancestors 'none'/);
  });

  it("pages get a per-request nonce CSP that allows no inline or foreign script", async () => {
    const [one, two] = await Promise.all([fetch(`${baseUrl()}/sign-in`), fetch(`${baseUrl()}/sign-in`)]);
    const policy = one.headers.get("content-security-policy")!;
    expect(policy).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'(;|$)/);
    expect(policy).not.toMatch(/script-src[^;]*'unsafe-(inline|eval)'/);
    expect(policy).toMatch(/object-src 'none'/);
    expect(policy).not.toBe(two.headers.get("content-security-policy"));
    const nonce = /'nonce-([^']+)'/.exec(policy)![1]!;
    // Every script Next.js rendered carries the nonce.
    const html = await one.text();
    const scripts = html.match(/<script\b[^>]*>/g)!;
    expect(scripts.length).toBeGreaterThan(0);
    for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);
  });

  it("API answers may not run or load anything", async () => {
    const response = await fetch(`${baseUrl()}/api/v1/customers`);
    expect(response.headers.get("content-security-policy")).toMatch(/^default-src 'none'/);
  });
});

describe("session cookies in production", () => {
  it("are __Secure- prefixed, Secure, HttpOnly and SameSite", async () => {
    const { user } = await signedInAs("ops");
    const { setCookies } = await postSignIn(baseUrl(), user.email, PASSWORD, { "x-forwarded-for": "198.18.7.7" });
    const session = setCookies.find((line) => line.startsWith("__Secure-next-auth.session-token="));
    expect(session).toBeDefined();
    expect(session).toMatch(/;\s*Secure/i);
    expect(session).toMatch(/;\s*HttpOnly/i);
    expect(session).toMatch(/;\s*SameSite=Lax/i);
  });
});

describe("NEXTAUTH_URL in production", () => {
  afterEach(() => vi.unstubAllEnvs());

  async function parse(vars: Record<string, string>) {
    vi.resetModules();
    for (const [key, value] of Object.entries(vars)) vi.stubEnv(key, value);
    const { env } = await import("~/server/env");
    return () => env();
  }

  it("refuses an http console URL (cookies without Secure, links to http)", async () => {
    expect(await parse({ NODE_ENV: "production", NEXTAUTH_URL: "http://billing.nexa.example" })).toThrow(/NEXTAUTH_URL[\s\S]*https/);
  });

  it("accepts https, and http under next dev", async () => {
    expect((await parse({ NODE_ENV: "production", NEXTAUTH_URL: "https://billing.nexa.example" }))().NEXTAUTH_URL).toBe("https://billing.nexa.example");
    expect((await parse({ NODE_ENV: "development", NEXTAUTH_URL: "http://localhost:3000" }))().NEXTAUTH_URL).toBe("http://localhost:3000");
  });
});

describe("tRPC", () => {
  it(`refuses a batch of more than ${TRPC_MAX_BATCH_SIZE} calls`, async () => {
    const { cookie } = await signedInAs("ops");
    const batch = (size: number) => {
      const paths = Array.from({ length: size }, () => "users.me").join(",");
      const input = encodeURIComponent(JSON.stringify(Object.fromEntries(Array.from({ length: size }, (_, i) => [i, {}]))));
      return fetch(`${baseUrl()}/api/trpc/${paths}?batch=1&input=${input}`, { headers: { cookie } });
    };
    expect((await batch(TRPC_MAX_BATCH_SIZE)).status).toBe(200);
    const refused = await batch(TRPC_MAX_BATCH_SIZE + 1);
    expect(refused.status).toBe(400);
    expect(await refused.text()).toMatch(/batch/i);
  });

  it("a 500 carries no database or internal text", async () => {
    const { cookie } = await signedInAs("admin");
    // A NUL byte passes input validation and makes PostgreSQL fail the query.
    const input = encodeURIComponent(JSON.stringify({ json: { search: "\u0000boom" } }));
    const response = await fetch(`${baseUrl()}/api/trpc/users.list?input=${input}`, { headers: { cookie } });
    expect(response.status).toBe(500);
    const body = await response.text();
    expect(JSON.parse(body).error.json.message).toBe("Internal server error");
    expect(body).not.toMatch(/prisma|invalid byte|0x00|postgres|select |"stack"|\.ts\b|node_modules/i);
  });
});

describe("reconciliation CSV export", () => {
  it("defuses cells an app controls that start with =, +, -, @, TAB or CR", async () => {
    const db = await testDb();
    const { cookie } = await signedInAs("ops");
    const { service } = await createTestService("csv");
    const run = await db.reconciliationRun.create({ data: { periodStart: new Date("2026-10-01"), periodEnd: new Date("2026-11-01"), status: "succeeded", serviceId: service.id } });
    const keys = ["=HYPERLINK(\"http://evil\")", "\t=cmd|' /C calc'!A0", "\r=1+1", "@SUM(A1)", "+1", "-1+2", uniqueCode("plain")];
    await db.reconciliationLine.createMany({ data: keys.map((customerKey) => ({ runId: run.id, serviceCode: service.code, customerKey, chargeKey: "api_calls", status: "match" })) });
    const csv = await (await fetch(`${baseUrl()}/reconciliation/export/${run.id}`, { headers: { cookie } })).text();
    const cells = csv.split("\r\n").slice(1).filter(Boolean).map((line) => line.split(",")[1]!);
    expect(cells).toHaveLength(keys.length);
    for (const cell of cells) expect(cell.replace(/^"/, "")).not.toMatch(/^[=+\-@\t\r]/);
    expect(csv).toContain(`,"'\r=1+1",`);
    expect(csv).toContain(`,'\t=cmd|' /C calc'!A0,`);
  });
});
