import { describe, expect, it, vi } from "vitest";

async function loadEnv(vars: Record<string, string | undefined>) {
  vi.resetModules();
  vi.unstubAllEnvs();
  for (const [key, value] of Object.entries(vars)) vi.stubEnv(key, value);
  const { env, DEMO_NEXTAUTH_SECRET } = await import("./env");
  return { read: () => env(), DEMO_NEXTAUTH_SECRET };
}

describe("NEXTAUTH_SECRET", () => {
  it.each([
    ["pglite:.data/demo"],
    ["postgresql://postgres@127.0.0.1:5432/nexa_it_1"],
    ["postgres://u:p@localhost/db"],
  ])("falls back to the demo secret for the local database %s", async (url) => {
    const { read, DEMO_NEXTAUTH_SECRET } = await loadEnv({ DATABASE_URL: url, NEXTAUTH_SECRET: "" });
    expect(read().NEXTAUTH_SECRET).toBe(DEMO_NEXTAUTH_SECRET);
  });

  it("is required with a remote database", async () => {
    const { read } = await loadEnv({ DATABASE_URL: "postgresql://app@db.internal:5432/hub", NEXTAUTH_SECRET: "" });
    expect(read).toThrow(/NEXTAUTH_SECRET/);
  });

  it("uses the configured secret", async () => {
    const secret = "s".repeat(40);
    const { read } = await loadEnv({ DATABASE_URL: "postgresql://app@db.internal:5432/hub", NEXTAUTH_SECRET: secret, WEBHOOK_RSA_PRIVATE_KEY: "configured" });
    expect(read().NEXTAUTH_SECRET).toBe(secret);
  });
});

describe("WEBHOOK_RSA_PRIVATE_KEY", () => {
  it("is required with a remote database, as Lago refuses to start without its key", async () => {
    const { read } = await loadEnv({ DATABASE_URL: "postgresql://app@db.internal:5432/hub", NEXTAUTH_SECRET: "s".repeat(40), WEBHOOK_RSA_PRIVATE_KEY: "" });
    expect(read).toThrow(/WEBHOOK_RSA_PRIVATE_KEY/);
  });

  it("may be unset with a local database (an ephemeral demo key signs then)", async () => {
    const { read } = await loadEnv({ DATABASE_URL: "pglite:.data/demo", WEBHOOK_RSA_PRIVATE_KEY: "" });
    expect(read().WEBHOOK_RSA_PRIVATE_KEY).toBeUndefined();
  });
});
