import { describe, expect, it } from "vitest";
import { openSealedSecret, sealingKeyFrom, sealSecret } from "./sealed-secret";

const key = sealingKeyFrom("a-server-secret-of-at-least-32-characters");
const other = sealingKeyFrom("another-server-secret-of-32-characters!!");

describe("sealed secrets", () => {
  it.each(["lago_api_key_123", "", "clé ünïcode 🔑", "x".repeat(5000)])("opens what it sealed: %j", (plain) => {
    const sealed = sealSecret(plain, key);
    expect(sealed).not.toContain(plain || "\u0000");
    expect(openSealedSecret(sealed, key)).toBe(plain);
  });

  it("seals the same text differently every time", () => {
    expect(sealSecret("same", key)).not.toBe(sealSecret("same", key));
  });

  it.each<[string, (sealed: string) => string]>([
    ["another key", (sealed) => sealed],
    ["a flipped ciphertext byte", (sealed) => { const parts = sealed.split("."); const data = Buffer.from(parts[3]!, "base64url"); data[0]! ^= 1; parts[3] = data.toString("base64url"); return parts.join("."); }],
    ["a cut tag", (sealed) => { const parts = sealed.split("."); parts[2] = parts[2]!.slice(2); return parts.join("."); }],
    ["another version", (sealed) => sealed.replace(/^v1\./, "v2.")],
    ["garbage", () => "not sealed at all"],
  ])("cannot be opened with %s", (name, alter) => {
    const altered = alter(sealSecret("lago_api_key_123", key));
    expect(openSealedSecret(altered, name === "another key" ? other : key)).toBeNull();
  });
});
