import { describe, expect, it } from "vitest";
import { classifyLagoAnswer } from "./classify-lago-answer";

const taken = { transaction_id: ["value_already_exist"] };
const refusal = (details: unknown) => ({ status: 422, body: { status: 422, error: "Unprocessable Entity", code: "validation_errors", error_details: details }, retryAfterMs: null });
const batch = { method: "POST", path: "/events/batch", body: { events: [{ transaction_id: "a" }, { transaction_id: "b" }, { transaction_id: "c" }] } };

describe("classifyLagoAnswer", () => {
  it.each([
    ["a 2xx", { method: "POST", path: "/customers", body: {} }, { status: 200, body: {}, retryAfterMs: null }, { kind: "delivered" }],
    ["a 429, with Lago's wait", { method: "POST", path: "/events", body: {} }, { status: 429, body: {}, retryAfterMs: 5000 }, { kind: "rate-limited", waitMs: 5000 }],
    ["an event Lago has", { method: "POST", path: "/events", body: {} }, refusal(taken), { kind: "delivered" }],
    ["an event Lago refuses otherwise", { method: "POST", path: "/events", body: {} }, refusal({ code: ["billable_metric_not_found"] }), { kind: "failed" }],
    ["a batch Lago has whole", batch, refusal({ 0: taken, 1: taken, 2: taken }), { kind: "delivered" }],
    ["a batch Lago has part of", batch, refusal({ 1: taken }), { kind: "resend", body: { events: [{ transaction_id: "a" }, { transaction_id: "c" }] } }],
    ["a batch with another refusal", batch, refusal({ 0: taken, 1: { code: ["invalid"] } }), { kind: "failed" }],
    ["a termination Lago has done", { method: "DELETE", path: "/subscriptions/s1", body: null }, { status: 404, body: {}, retryAfterMs: null }, { kind: "delivered" }],
    ["a subscription held elsewhere", { method: "POST", path: "/subscriptions", body: {} }, refusal({ external_id: ["value_already_exist"] }), { kind: "failed" }],
    ["a 500", { method: "POST", path: "/customers", body: {} }, { status: 500, body: "<html>", retryAfterMs: null }, { kind: "failed" }],
  ])("%s", (_name, forward, answer, verdict) => {
    expect(classifyLagoAnswer(forward, answer)).toEqual(verdict);
  });
});
