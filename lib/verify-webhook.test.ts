import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { lagoSignature, nexaSignature, verifyLagoSignature, verifyNexaWebhook } from "./verify-webhook";

const secret = "whsec_test_123";
const payload = '{"webhook_type":"invoice.payment_status_updated"}';
const t = 1_700_000_000;
const at = (seconds: number) => new Date(seconds * 1000);
// Computed outside this code base (Python hmac) so a shared bug cannot hide.
const LITERAL_V1 = "1fea8445bc7d60292aadfceb32438bc3e2269ce3d206e29ec3a3b50260fe01d0";
const LITERAL_LAGO = "sdQEBQ+vnV9ZUpsRlsLOeSmmSYME6IVrn/sFeOJDDQk=";

describe("signatures", () => {
  it("match literal vectors", () => {
    expect(nexaSignature(secret, t, payload)).toBe(LITERAL_V1);
    expect(lagoSignature(secret, payload)).toBe(LITERAL_LAGO);
  });

  it("match an independent node:crypto computation, for strings and bytes", () => {
    const body = JSON.stringify({ a: "é", n: [1, 2] });
    const hex = createHmac("sha256", "k").update(`42.${body}`).digest("hex");
    const b64 = createHmac("sha256", "k").update(body).digest("base64");
    expect(nexaSignature("k", 42, body)).toBe(hex);
    expect(nexaSignature("k", 42, Buffer.from(body))).toBe(hex);
    expect(lagoSignature("k", Buffer.from(body))).toBe(b64);
  });
});

describe("verifyNexaWebhook", () => {
  const header = `t=${t},v1=${LITERAL_V1}`;
  const verify = (overrides: Partial<Parameters<typeof verifyNexaWebhook>[0]>) =>
    verifyNexaWebhook({ payload, header, secret, now: at(t), ...overrides });

  it.each([
    ["exact time", {}, { ok: true, timestamp: t }],
    ["299 s later", { now: at(t + 299) }, { ok: true, timestamp: t }],
    ["300 s later (edge)", { now: at(t + 300) }, { ok: true, timestamp: t }],
    ["301 s later: replay", { now: at(t + 301) }, { ok: false, reason: "timestamp_out_of_tolerance" }],
    ["301 s early: clock skew", { now: at(t - 301) }, { ok: false, reason: "timestamp_out_of_tolerance" }],
    ["custom tolerance", { now: at(t + 3600), toleranceSeconds: 7200 }, { ok: true, timestamp: t }],
    ["tampered body", { payload: payload.replace("updated", "UPDATED") }, { ok: false, reason: "signature_mismatch" }],
    ["wrong secret", { secret: "other" }, { ok: false, reason: "signature_mismatch" }],
    ["timestamp swapped in header", { header: `t=${t + 1},v1=${LITERAL_V1}`, now: at(t + 1) }, { ok: false, reason: "signature_mismatch" }],
    ["spaces and order", { header: ` v1=${LITERAL_V1} , t=${t} ` }, { ok: true, timestamp: t }],
    ["second v1 matches (rotation)", { header: `t=${t},v1=${"0".repeat(64)},v1=${LITERAL_V1}` }, { ok: true, timestamp: t }],
    ["truncated signature", { header: `t=${t},v1=${LITERAL_V1.slice(0, 10)}` }, { ok: false, reason: "signature_mismatch" }],
    ["no header", { header: null }, { ok: false, reason: "malformed_header" }],
    ["empty header", { header: "" }, { ok: false, reason: "malformed_header" }],
    ["no timestamp", { header: `v1=${LITERAL_V1}` }, { ok: false, reason: "malformed_header" }],
    ["non-numeric timestamp", { header: `t=abc,v1=${LITERAL_V1}` }, { ok: false, reason: "malformed_header" }],
    ["no v1", { header: `t=${t}` }, { ok: false, reason: "malformed_header" }],
  ] as const)("%s", (_name, overrides, expected) => {
    expect(verify(overrides)).toEqual(expected);
  });

  it("defaults to the current clock and a 5 minute tolerance", () => {
    const now = Math.floor(Date.now() / 1000);
    const fresh = `t=${now},v1=${nexaSignature(secret, now, payload)}`;
    const old = `t=${now - 400},v1=${nexaSignature(secret, now - 400, payload)}`;
    expect(verifyNexaWebhook({ payload, header: fresh, secret }).ok).toBe(true);
    expect(verifyNexaWebhook({ payload, header: old, secret }).ok).toBe(false);
  });
});

describe("verifyLagoSignature", () => {
  it.each([
    ["valid", { signature: LITERAL_LAGO }, true],
    ["tampered body", { signature: LITERAL_LAGO, payload: `${payload} ` }, false],
    ["wrong secret", { signature: LITERAL_LAGO, secret: "other" }, false],
    ["missing", { signature: null }, false],
    ["empty", { signature: "" }, false],
    ["hex instead of base64", { signature: createHmac("sha256", secret).update(payload).digest("hex") }, false],
  ] as const)("%s", (_name, overrides: Partial<Parameters<typeof verifyLagoSignature>[0]>, expected) => {
    expect(verifyLagoSignature({ payload, secret, signature: null, ...overrides })).toBe(expected);
  });
});
