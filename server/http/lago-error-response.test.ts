import { afterEach, describe, expect, it, vi } from "vitest";
import { describeForLog, lagoErrorResponse } from "./lago-error-response";

const SECRET = "nxb_secret_key_material";

describe("describeForLog", () => {
  it.each([
    { name: "a driver error quoting query arguments", error: Object.assign(new Error(`Invalid args: { apiKeyHash: "${SECRET}" }`), { code: "P2009" }), first: "Error [P2009]" },
    { name: "an error carrying request headers", error: Object.assign(new TypeError(`fetch failed`), { headers: { authorization: `Bearer ${SECRET}` } }), first: "TypeError" },
  ])("keeps the class, code and frames of $name, not its message or properties", ({ error, first }) => {
    const logged = describeForLog(error);
    expect(logged).not.toContain(SECRET);
    expect(logged.split("\n")[0]).toBe(first);
    expect(logged).toMatch(/\n\s+at /);
  });

  it("says only the type of a thrown non-Error", () => {
    expect(describeForLog({ body: SECRET })).toBe("non-Error thrown (object)");
  });
});

describe("lagoErrorResponse", () => {
  afterEach(() => vi.restoreAllMocks());

  it("answers an unexpected error with a bare 500 and logs no secret", async () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => undefined);
    const response = lagoErrorResponse(new Error(`boom ${SECRET}`));
    expect(response.status).toBe(500);
    expect(await response.json()).toEqual({ status: 500, error: "Internal Server Error" });
    expect(JSON.stringify(log.mock.calls)).not.toContain(SECRET);
  });

  it.each([
    { name: "a dead connection", error: Object.assign(new Error("Connection terminated unexpectedly"), { code: "ECONNRESET" }) },
    { name: "an exhausted pool", error: Object.assign(new Error("Transaction API error: Unable to start a transaction in the given time."), { code: "P2028" }) },
  ])("answers $name with a retryable 503", async ({ error }) => {
    const response = lagoErrorResponse(error);
    expect(response.status).toBe(503);
    expect(response.headers.get("retry-after")).toBe("1");
    expect(await response.json()).toEqual({ status: 503, error: "Service Unavailable" });
  });
});
