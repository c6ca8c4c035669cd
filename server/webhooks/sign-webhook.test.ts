import { createHmac, createPublicKey, generateKeyPairSync } from "node:crypto";
import { decodeProtectedHeader, jwtVerify } from "jose";
import { describe, expect, it } from "vitest";
import { verifyLagoSignature, verifyNexaWebhook } from "~/lib/verify-webhook";
import { signWebhook } from "./sign-webhook";
import { lagoPublicKeyText } from "./webhook-signing-key";

const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
const jwt = () => ({ privateKey, issuer: "https://billing.nexa.test" });
const body = JSON.stringify({ webhook_type: "subscription.terminated", object_type: "subscription" });
const sign = (algorithm: "jwt" | "hmac") => signWebhook({ body, secret: "s3cret", uniqueKey: "d-1", timestamp: 1_750_000_000, algorithm, jwt });

describe("signWebhook", () => {
  it("signs hmac services as Lago's hmac algorithm, with the timestamped signature", async () => {
    expect(await sign("hmac")).toEqual({
      "content-type": "application/json",
      "user-agent": "Nexa-Billing-Hub-Webhooks/1",
      "x-nexa-signature": `t=1750000000,v1=${createHmac("sha256", "s3cret").update(`1750000000.${body}`).digest("hex")}`,
      "x-lago-signature": createHmac("sha256", "s3cret").update(body).digest("base64"),
      "x-lago-signature-algorithm": "hmac",
      "x-lago-unique-key": "d-1",
    });
  });

  it("signs jwt services as Lago does: RS256 over {data: body, iss}, verifiable with the published key", async () => {
    const headers = await sign("jwt");
    expect(headers["x-lago-signature-algorithm"]).toBe("jwt");
    const token = headers["x-lago-signature"]!;
    expect(decodeProtectedHeader(token)).toEqual({ alg: "RS256" });
    // What a Lago receiver does: base64-decode GET /webhooks/public_key, verify, compare data with the body.
    const published = lagoPublicKeyText(createPublicKey(privateKey).export({ type: "spki", format: "pem" }).toString());
    const publicKey = createPublicKey(Buffer.from(published, "base64").toString("utf8"));
    const { payload } = await jwtVerify(token, publicKey, { algorithms: ["RS256"], issuer: "https://billing.nexa.test" });
    expect(payload).toEqual({ data: body, iss: "https://billing.nexa.test" });
    // The timestamped HMAC is sent whatever the algorithm.
    expect(verifyNexaWebhook({ payload: body, header: headers["x-nexa-signature"], secret: "s3cret", now: new Date(1_750_000_010_000) }).ok).toBe(true);
  });

  it("never builds a JWT for an hmac service (no key needed)", async () => {
    const headers = await signWebhook({ body, secret: "s", uniqueKey: "u", timestamp: 1, algorithm: "hmac", jwt: () => { throw new Error("no key"); } });
    expect(verifyLagoSignature({ payload: body, signature: headers["x-lago-signature"], secret: "s" })).toBe(true);
  });

  it("publishes the key as Ruby's Base64.encode64 of the PEM: 60-column lines, final newline", () => {
    const text = lagoPublicKeyText("-----BEGIN PUBLIC KEY-----\nabc\n-----END PUBLIC KEY-----\n");
    expect(text.split("\n").slice(0, -1).every((line) => line.length <= 60)).toBe(true);
    expect(text.endsWith("\n")).toBe(true);
    expect(Buffer.from(text, "base64").toString()).toBe("-----BEGIN PUBLIC KEY-----\nabc\n-----END PUBLIC KEY-----\n");
  });
});
