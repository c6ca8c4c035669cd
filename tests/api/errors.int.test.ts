import { describe, expect, it } from "vitest";
import { apiClient, createBillingSetup, createTestService, testDb } from "../support/fixtures";

describe("Lago error contract", () => {
  it.each([
    ["no Authorization header", null],
    ["an unknown key", "nxb_not_a_key"],
    ["a malformed header", "Bearer"],
  ])("answers 401 for %s", async (_name, key) => {
    const api = apiClient(key === "Bearer" ? null : key);
    const response = key === "Bearer" ? await apiClient(null).post("/customers", {}, { headers: { authorization: "Bearer" } }) : await api.get("/customers");
    expect(response.status).toBe(401);
    expect(response.body).toEqual({ status: 401, error: "Unauthorized" });
  });

  it("answers 401 for a disabled service", async () => {
    const { api, service } = await createTestService();
    await (await testDb()).service.update({ where: { id: service.id }, data: { active: false } });
    expect((await api.get("/customers")).status).toBe(401);
  });

  it.each([
    ["malformed JSON", () => "{\"event\": ", 400, { status: 400, error: "BadRequest: request body is not valid JSON" }],
    ["an empty body", () => "", 400, { status: 400, error: "BadRequest: request body is empty" }],
    ["a missing root key", () => JSON.stringify({ evnt: {} }), 400, { status: 400, error: "BadRequest: param is missing or the value is empty: event" }],
    ["a JSON array", () => "[1,2]", 400, { status: 400, error: "BadRequest: param is missing or the value is empty: event" }],
    ["a root that is not an object", () => JSON.stringify({ event: "x" }), 422, { status: 422, code: "validation_errors" }],
    [
      "deeply nested properties",
      (sub: string, code: string) => JSON.stringify({ event: { transaction_id: "t", external_subscription_id: sub, code, properties: { units: 1, deep: JSON.parse("[".repeat(500) + "]".repeat(500)) } } }),
      422,
      { status: 422, error_details: { properties: ["invalid_format"] } },
    ],
    [
      "a number too large for a double",
      (sub: string, code: string) => `{"event":{"transaction_id":"t","external_subscription_id":"${sub}","code":"${code}","properties":{"units":1e400}}}`,
      422,
      { status: 422, error_details: { properties: ["invalid_format"] } },
    ],
  ])("rejects %s with a 4xx and stores nothing", async (_name, makeRaw, status, body) => {
    const { api, service } = await createTestService();
    const setup = await createBillingSetup(api);
    const response = await api.post("/events", undefined, { raw: makeRaw(setup.subscriptionId, setup.metricCode) });
    expect(response.status).toBe(status);
    expect(response.body).toMatchObject(body);
    expect(await (await testDb()).usageEvent.count({ where: { serviceId: service.id } })).toBe(0);
  });

  it("rejects a body over the size limit with 413", async () => {
    const { api } = await createTestService();
    const response = await api.post("/events", undefined, { raw: JSON.stringify({ event: { properties: { blob: "x".repeat(2_000_000) } } }) });
    expect(response.status).toBe(413);
    expect(response.body).toEqual({ status: 413, error: "Payload Too Large" });
  });

  it("answers unknown API paths with Lago-shaped JSON", async () => {
    const { api } = await createTestService();
    const response = await api.get("/no_such_resource");
    expect(response.status).toBe(404);
    expect(response.body).toMatchObject({ status: 404, error: "Not Found" });
  });

  it("answers bad paging parameters with 422", async () => {
    const { api } = await createTestService();
    const response = await api.get("/customers?per_page=abc");
    expect(response.status).toBe(422);
    expect(response.body.error_details).toHaveProperty("per_page");
  });

  it("decodes percent-encoded identifiers in paths", async () => {
    const { api } = await createTestService();
    await api.post("/customers", { customer: { external_id: "acme corp/ä%" } });
    const found = await api.get(`/customers/${encodeURIComponent("acme corp/ä%")}`);
    expect(found.status).toBe(200);
    expect(found.body.customer.external_id).toBe("acme corp/ä%");
    expect((await api.get("/customers/%E0%A4%A")).body).toEqual({ status: 400, error: "BadRequest: malformed percent-encoding in path" });
  });
});
