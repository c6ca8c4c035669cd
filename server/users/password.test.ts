import bcrypt from "bcryptjs";
import { describe, expect, it } from "vitest";
import { hashPassword, isLegacyHash, verifyPassword } from "./password";

describe("password hashing", () => {
  it("hashes with scrypt, salted, and verifies only the right password", async () => {
    const [one, two] = await Promise.all([hashPassword("correct horse"), hashPassword("correct horse")]);
    expect(one).toMatch(/^scrypt\$16\$8\$1\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/);
    expect(one).not.toBe(two);
    expect(await verifyPassword("correct horse", one)).toBe(true);
    expect(await verifyPassword("correct horsf", one)).toBe(false);
    expect(await verifyPassword("", one)).toBe(false);
    // Five 64 MiB scrypt runs: ~1 s alone, far more while the machine's two cores run other suites.
  }, 30_000);

  it("still verifies a bcrypt hash of the earlier scheme", async () => {
    const legacy = bcrypt.hashSync("demo-password", 4);
    expect(isLegacyHash(legacy)).toBe(true);
    expect(await verifyPassword("demo-password", legacy)).toBe(true);
    expect(await verifyPassword("other", legacy)).toBe(false);
  });

  it("refuses a malformed hash instead of throwing", async () => {
    expect(await verifyPassword("x", "")).toBe(false);
    expect(await verifyPassword("x", "scrypt$16$8$1$")).toBe(false);
  });
});
