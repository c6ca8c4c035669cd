import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { verifyLagoSignature, verifyNexaWebhook } from "~/lib/verify-webhook";
import { signWebhook } from "./sign-webhook";

describe("signWebhook", () => {
  const body = JSON.stringify({ webhook_type: "subscription.terminated", object_type: "subscription" });
  const headers = signWebhook({ body, secret: "s3cret", uniqueKey: "d-1", timestamp: 1_750_000_000 });

  it("carries Lago's headers and the timestamped signature", () => {
    expect(headers).toEqual({
      "content-type": "application/json",
      "user-agent": "Nexa-Billing-Hub-Webhooks/1",
      "x-nexa-signature": `t=1750000000,v1=${createHmac("sha256", "s3cret").update(`1750000000.${body}`).digest("hex")}`,
      "x-lago-signature": createHmac("sha256", "s3cret").update(body).digest("base64"),
      "x-lago-signature-algorithm": "hmac",
      "x-lago-unique-key": "d-1",
    });
  });

  it("round-trips through the verifier apps copy", () => {
    const now = new Date(1_750_000_010_000);
    expect(verifyNexaWebhook({ payload: body, header: headers["x-nexa-signature"], secret: "s3cret", now })).toEqual({ ok: true, timestamp: 1_750_000_000 });
    expect(verifyLagoSignature({ payload: body, signature: headers["x-lago-signature"], secret: "s3cret" })).toBe(true);
  });
});
