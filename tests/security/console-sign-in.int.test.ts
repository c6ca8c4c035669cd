import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createDb, type Db } from "~/server/db/client";
import { createService } from "~/server/services/create-service";
import { createUser } from "~/server/users/create-user";
import { createTestDatabase, type RunningApp, startApp } from "../support/app-server";
import { CONSOLE_TEST_PASSWORD as PASSWORD, consoleClient, postSignIn, signedInAs, signOutOverHttp, trpcCode } from "../support/console-session";
import { apiClient, testDb, uniqueCode } from "../support/fixtures";

/*
 * Issue 15, console sign-in: open redirect, GET form, throttling, hashing on the request
 * thread, sessions that outlived a sign-out. Each test replays the attack.
 */
const baseUrl = () => inject("baseUrl");
// A client address of its own per test, so address counts of other tests never interfere.
const fromAddress = () => ({ "x-forwarded-for": `198.51.100.${randomBytes(1)[0]! % 250}, 203.0.${randomBytes(1)[0]}.${randomBytes(1)[0]}` });

async function userOf(role: "finance" | "ops" | "admin" = "ops") {
  const email = `${uniqueCode("sec")}@nexa.test`;
  const user = await createUser({ db: await testDb(), email, password: PASSWORD, role });
  return { user, email };
}

describe("open redirect after sign-in", () => {
  it.each(["/\\evil.example", "/\t/evil.example", "//evil.example", "https://evil.example/", "%2F%2Fevil.example", "/%5Cevil.example", "\\\\evil.example"])(
    "NextAuth sends %j back to this origin",
    async (callbackUrl) => {
      const { email } = await userOf();
      const csrf = await fetch(`${baseUrl()}/api/auth/csrf`);
      const { csrfToken } = (await csrf.json()) as { csrfToken: string };
      // The no-JavaScript path: the form posted by the browser, answered with a redirect.
      const response = await fetch(`${baseUrl()}/api/auth/callback/credentials`, {
        method: "POST",
        redirect: "manual",
        headers: { "content-type": "application/x-www-form-urlencoded", cookie: csrf.headers.getSetCookie().map((c) => c.split(";")[0]).join("; "), ...fromAddress() },
        body: new URLSearchParams({ csrfToken, email, password: PASSWORD, callbackUrl }),
      });
      expect(response.status).toBe(302);
      // NextAuth's own origin (NEXTAUTH_URL, unset here: its localhost default), never another.
      const location = new URL(response.headers.get("location")!, baseUrl());
      expect(["127.0.0.1", "localhost"]).toContain(location.hostname);
      expect(location.pathname.startsWith("//")).toBe(false);
    },
  );

  it.each(["/\\evil.example", "/\t/evil.example", "//evil.example", "https://evil.example/"])("the sign-in page hands the form %j as /", async (callbackUrl) => {
    const html = await (await fetch(`${baseUrl()}/sign-in?callbackUrl=${encodeURIComponent(callbackUrl)}`)).text();
    expect(html).toMatch(/<input type="hidden" name="callbackUrl" value="\/"\/>/);
  });

  it("keeps a genuine console path", async () => {
    const html = await (await fetch(`${baseUrl()}/sign-in?callbackUrl=${encodeURIComponent("/catalog?tab=plans")}`)).text();
    expect(html).toContain('name="callbackUrl" value="/catalog?tab=plans"');
  });
});

describe("the sign-in form before hydration", () => {
  let app: RunningApp;
  let drop: () => Promise<void>;
  let db: Db;
  let close: () => Promise<void>;
  beforeAll(async () => {
    const database = await createTestDatabase("nexa_sec");
    drop = database.drop;
    app = await startApp({ DATABASE_URL: database.url });
    ({ db, close } = await createDb(database.url, { poolSize: 2 }));
  });
  afterAll(async () => {
    await app?.stop();
    await close?.();
    await drop?.();
  });

  it("is a POST form, and a GET that still arrives is sent back without the password, unlogged", async () => {
    const html = await (await fetch(`${app.baseUrl}/sign-in`)).text();
    const form = /<form[^>]*>/.exec(html)?.[0];
    expect(form).toMatch(/method="post"/);
    expect(form).toMatch(/action="\/api\/auth\/callback\/credentials"/);
    const secret = `pw-${randomBytes(6).toString("hex")}`;
    const response = await fetch(`${app.baseUrl}/sign-in?email=a%40nexa.test&password=${secret}&callbackUrl=%2Fjobs`, { redirect: "manual" });
    expect(response.status).toBe(303);
    expect(new URL(response.headers.get("location")!, app.baseUrl).href).toBe(`${app.baseUrl}/sign-in?callbackUrl=%2Fjobs`);
    expect(app.logs()).not.toContain(secret);
  });

  it("20 parallel sign-ins leave the API responsive (hashing is off the request thread)", async () => {
    const { apiKey } = await createService({ db, code: uniqueCode("svc"), name: "Latency" });
    const api = apiClient(apiKey, app.baseUrl);
    for (let i = 0; i < 5; i++) expect((await api.get("/customers")).status).toBe(200);
    await postSignIn(app.baseUrl, "warm-up@nexa.test", "wrong password", fromAddress()); // compiles the auth route
    // CSRF tokens first, as a browser has them from the form: the burst is the password checks.
    const posts = await Promise.all(Array.from({ length: 20 }, async (_, i) => {
      const csrf = await fetch(`${app.baseUrl}/api/auth/csrf`);
      const { csrfToken } = (await csrf.json()) as { csrfToken: string };
      const cookie = csrf.headers.getSetCookie().map((line) => line.split(";")[0]).join("; ");
      return () => fetch(`${app.baseUrl}/api/auth/callback/credentials`, {
        method: "POST",
        redirect: "manual",
        headers: { "content-type": "application/x-www-form-urlencoded", cookie, "x-forwarded-for": `192.0.2.${i + 1}` },
        body: new URLSearchParams({ csrfToken, email: `guess-${i}@nexa.test`, password: `guess ${i}`, json: "true" }),
      }).then((response) => response.headers.getSetCookie().some((line) => /session-token=/.test(line)));
    }));
    let settled = false;
    const signIns = Promise.all(posts.map((post) => post())).finally(() => (settled = true));
    const latencies: number[] = [];
    const started = performance.now();
    while (!settled) {
      const t = performance.now();
      expect((await api.get("/customers")).status).toBe(200);
      latencies.push(performance.now() - t);
    }
    const results = await signIns;
    const signInMs = performance.now() - started;
    expect(results.every((signedIn) => !signedIn)).toBe(true);
    // The logins really ran alongside: 20 hashes of ~200 ms, two at a time.
    expect(signInMs).toBeGreaterThan(1_000);
    expect(latencies.length).toBeGreaterThanOrEqual(5);
    // bcryptjs on the request thread blocked a read for a large part of the burst (5.6 s in
    // the issue; 7.6 s of 18.7 s, ratio 0.41, on a loaded machine with the old code rebuilt).
    // Off the thread a read waits a small fraction of it (0.02-0.05 here), however loaded the
    // machine is: compared within the run, as the VM drifts between runs.
    const worst = Math.max(...latencies);
    console.log(`worst read ${worst.toFixed(0)} ms during a ${signInMs.toFixed(0)} ms burst (ratio ${(worst / signInMs).toFixed(2)})`);
    expect(worst / signInMs).toBeLessThan(0.2);
  });
});

describe("sign-in throttling (stored in PostgreSQL, shared by every app process)", () => {
  it("backs off an account after 5 wrong passwords, whatever the address, then lets the right one in", async () => {
    const { email } = await userOf();
    for (let i = 0; i < 5; i++) expect(await postSignIn(baseUrl(), email, `wrong ${i}`, fromAddress())).toMatchObject({ cookie: null, error: "CredentialsSignin" });
    // Even the right password is refused while the account backs off, from any address.
    const locked = await postSignIn(baseUrl(), email, PASSWORD, fromAddress());
    expect(locked.cookie).toBeNull();
    expect(locked.error).toMatch(/^Too many sign-in attempts: try again in 1 s\.$/);
    const row = await (await testDb()).signInThrottle.findUniqueOrThrow({ where: { key: `account:${email}` } });
    expect(row.attempts).toBe(5);
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    expect((await postSignIn(baseUrl(), email, PASSWORD, fromAddress())).cookie).not.toBeNull();
    // A success starts the account afresh.
    expect(await (await testDb()).signInThrottle.findUnique({ where: { key: `account:${email}` } })).toBeNull();
  });

  it("doubles the wait with each further attempt", async () => {
    const { email } = await userOf();
    const db = await testDb();
    // Six attempts, the last one a while ago: the seventh must wait 2 s after it.
    await db.signInThrottle.create({ data: { key: `account:${email}`, attempts: 6, lastAttemptAt: new Date() } });
    expect((await postSignIn(baseUrl(), email, PASSWORD, fromAddress())).error).toMatch(/try again in 2 s/);
    await db.signInThrottle.update({ where: { key: `account:${email}` }, data: { attempts: 15 } });
    expect((await postSignIn(baseUrl(), email, PASSWORD, fromAddress())).error).toMatch(/try again in 900 s/);
  });

  it("backs off an address spraying many accounts", async () => {
    const address = { "x-forwarded-for": `203.0.113.${randomBytes(1)[0]! % 250}` };
    const { email } = await userOf();
    for (let i = 0; i < 20; i++) await postSignIn(baseUrl(), `${uniqueCode("spray")}@nexa.test`, "Winter2026!", address);
    expect((await postSignIn(baseUrl(), email, PASSWORD, address)).error).toMatch(/^Too many sign-in attempts/);
    // The account itself is fine from elsewhere.
    expect((await postSignIn(baseUrl(), email, PASSWORD, fromAddress())).cookie).not.toBeNull();
  });
});

describe("sessions end on the server", () => {
  it("a cookie stops working after sign-out", async () => {
    const { client, cookie } = await signedInAs("ops");
    expect((await client.users.me.query()).role).toBe("ops");
    await signOutOverHttp(baseUrl(), cookie);
    expect(await trpcCode(consoleClient(baseUrl(), cookie).users.me.query())).toBe("UNAUTHORIZED");
  });

  it("disabling a user ends their sessions, and re-enabling does not revive them", async () => {
    const admin = await signedInAs("admin");
    const target = await signedInAs("finance");
    await admin.client.users.update.mutate({ id: target.user.id, active: false });
    expect(await trpcCode(target.client.users.me.query())).toBe("UNAUTHORIZED");
    await admin.client.users.update.mutate({ id: target.user.id, active: true });
    expect(await trpcCode(target.client.users.me.query())).toBe("UNAUTHORIZED");
    const again = await postSignIn(baseUrl(), target.user.email, PASSWORD, fromAddress());
    expect((await consoleClient(baseUrl(), again.cookie).users.me.query()).id).toBe(target.user.id);
  });
});
