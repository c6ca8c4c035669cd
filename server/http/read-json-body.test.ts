import { describe, expect, it } from "vitest";
import { AppError } from "~/server/errors";
import { webApiRequest } from "./api-request";
import { readJsonBody } from "./read-json-body";

const post = (text: string) => webApiRequest(new Request("http://hub.test/api/v1/events", { method: "POST", body: text }));
const refusal = (text: string, maxBytes = 1000) => readJsonBody(post(text), maxBytes).then(() => null, (error: AppError) => `${error.code}: ${error.message}`);

describe("readJsonBody", () => {
  it.each([
    ["a plain body", '{"event":{"properties":{"units":1}}}', { event: { properties: { units: 1 } } }],
    ["an escaped backslash before u0000 (text, not NUL)", String.raw`{"note":"C:\\u0000"}`, { note: "C:\\u0000" }],
    ["a surrogate pair", String.raw`{"emoji":"\ud83c\udf89"}`, { emoji: "🎉" }],
    ["raw multi-byte UTF-8", '{"name":"שלום 🎉"}', { name: "שלום 🎉" }],
  ])("accepts %s", async (_name, text, parsed) => {
    expect(await readJsonBody(post(text), 1000)).toEqual(parsed);
  });

  it.each([
    ["a NUL escape in a value", String.raw`{"a":{"b":"x\u0000y"}}`],
    ["a NUL escape in a key", String.raw`{"\u0000":1}`],
    ["a lone high surrogate", String.raw`{"a":["\ud800"]}`],
    ["a lone low surrogate", String.raw`{"a":"\uDC00x"}`],
  ])("refuses %s as a 400", async (_name, text) => {
    expect(await refusal(text)).toBe("bad_request: request body contains a NUL character or an unpaired surrogate");
  });

  it.each([
    ["an empty body", "", "bad_request: request body is empty"],
    ["blank text", "  \n", "bad_request: request body is empty"],
    ["text that is not JSON", "{events:", "bad_request: request body is not valid JSON"],
    ["a body past the limit", JSON.stringify({ blob: "x".repeat(2000) }), "payload_too_large: body too large"],
  ])("refuses %s", async (_name, text, answer) => {
    expect(await refusal(text)).toBe(answer);
  });
});
