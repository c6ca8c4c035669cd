import { describe, expect, it } from "vitest";
import { createTestService, uniqueCode } from "../support/fixtures";

/*
 * Issue 15: `sequential_id` was one counter across services, so any app could read the
 * hub's total customer count from its own next customer. Lago numbers per organization.
 */
describe("customer sequential_id", () => {
  it("counts 1, 2, 3 in each service, whatever other services create meanwhile", async () => {
    const [one, two] = await Promise.all([createTestService("seq"), createTestService("seq")]);
    const created: Array<[string, number]> = [];
    for (const [name, api] of [["one", one.api], ["two", two.api], ["two", two.api], ["one", one.api], ["two", two.api]] as const) {
      const response = await api.post("/customers", { customer: { external_id: uniqueCode("c"), name } });
      expect(response.status).toBe(200);
      created.push([name, response.body.customer.sequential_id]);
    }
    expect(created).toEqual([["one", 1], ["two", 1], ["two", 2], ["one", 2], ["two", 3]]);
  });

  it("gives concurrent creations distinct numbers", async () => {
    const { api } = await createTestService("seq");
    const responses = await Promise.all(Array.from({ length: 8 }, () => api.post("/customers", { customer: { external_id: uniqueCode("c") } })));
    expect(responses.map((r) => r.status)).toEqual(Array(8).fill(200));
    expect(responses.map((r) => r.body.customer.sequential_id).sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
  });
});
