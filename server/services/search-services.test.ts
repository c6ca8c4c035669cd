import { describe, expect, it } from "vitest";
import { toServiceRow } from "./search-services";

const service = {
  id: "s", code: "cloud", name: "Cloud", apiKeyPrefix: "nx_", apiKeyRotatedAt: new Date(0), webhookUrl: null, webhookSignature: "jwt" as const,
  active: true, createdAt: new Date(0), billingMode: "shadow" as const, lagoApiUrl: "https://lago.example/api/v1",
};

describe("toServiceRow", () => {
  it.each([
    { sealed: "v1.sealed-key", lagoKeySet: true },
    { sealed: null, lagoKeySet: false },
  ])("says whether a Lago key is set ($lagoKeySet), never the key", ({ sealed, lagoKeySet }) => {
    const full = { ...service, lagoApiKeySealed: sealed, apiKeyHash: "hash", webhookSecret: "whsec" };
    const row = toServiceRow(full);
    expect(row).toEqual({ ...service, lagoKeySet });
    expect(JSON.stringify(row)).not.toMatch(/sealed-key|hash|whsec/);
  });
});
