import { describe, expect, it } from "vitest";
import { safeCallbackPath } from "./safe-callback-url";

describe("safeCallbackPath", () => {
  it.each([
    ["/catalog", "/catalog"],
    ["/reconciliation/abc?status=match#top", "/reconciliation/abc?status=match#top"],
    ["/a/../users", "/users"],
    ["/%2F%2Fevil.com", "/%2F%2Fevil.com"], // stays an escaped path segment on this origin
    // Returned normalised, so the browser never re-resolves the raw text against its own scheme.
    ["https:/evil.com", "/evil.com"],
    ["/%09/evil.com/..//evil.com", "/%09//evil.com"],
    [undefined, "/"],
    ["", "/"],
  ])("keeps a same-origin path: %s → %s", (input, expected) => {
    expect(safeCallbackPath(input)).toBe(expected);
  });

  it.each([
    "//evil.com",
    "/\\evil.com",
    "\\\\evil.com",
    "/\t/evil.com",
    "/\n/evil.com",
    "\t//evil.com",
    " //evil.com",
    "https://evil.com",
    "HTTPS://evil.com/catalog",
    "http:evil.com",
    "javascript:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "/.//evil.com",
    "https://console.invalid@evil.com",
    "//evil.com@console.invalid",
  ])("sends %j home", (input) => {
    expect(safeCallbackPath(input)).toBe("/");
  });
});
