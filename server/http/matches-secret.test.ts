import { describe, expect, it } from "vitest";
import { matchesSecret } from "./matches-secret";

describe("matchesSecret", () => {
  it.each([
    ["secret-0123456789", "secret-0123456789", true],
    ["secret-0123456789x", "secret-0123456789", false],
    ["secret-012345678", "secret-0123456789", false],
    ["SECRET-0123456789", "secret-0123456789", false],
    ["", "secret-0123456789", false],
    [null, "secret-0123456789", false],
    [undefined, "secret-0123456789", false],
    ["anything", undefined, false],
    ["", "", false],
  ])("%j vs %j → %s", (given, expected, result) => {
    expect(matchesSecret(given, expected)).toBe(result);
  });
});
