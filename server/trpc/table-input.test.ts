import { describe, expect, it } from "vitest";
import { tableQuerySchema } from "./table-input";

const query = (input: unknown) => tableQuerySchema.parse(input);

describe("table query input", () => {
  it("defaults to the first page of 20", () => {
    expect(query({})).toEqual({ skip: 0, take: 20, sort: null, filter: {}, search: "" });
    expect(query({ page: 2, pageSize: 10 })).toMatchObject({ skip: 20, take: 10 });
  });

  it("turns react-table's column filters into one value per column, trimming the search", () => {
    expect(query({ filters: [{ id: "state", value: "dead" }, { id: "service", value: "" }, { id: "state", value: "pending" }], search: "  acme " })).toMatchObject({
      filter: { state: "dead", service: "" },
      search: "acme",
    });
  });
});
