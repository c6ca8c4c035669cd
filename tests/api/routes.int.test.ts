import { readdirSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, inject, it } from "vitest";
import { createTestService } from "../support/fixtures";

const API_ROOT = join(process.cwd(), "app/api/v1");

/** Every Lago route file's path, its dynamic segments filled with a placeholder. */
function routePaths(dir = API_ROOT): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name.startsWith("[...") ? [] : routePaths(full);
    if (entry.name !== "route.ts") return [];
    return [`/${relative(API_ROOT, dir)}`.replace(/\[[^\]]+\]/g, "x").replace(/\/$/, "")];
  });
}

describe("every /api/v1 path and method", () => {
  // Lago's deprecated GET /webhooks/public_key answers plain text, as the client expects.
  const PLAIN_TEXT = new Set(["GET /webhooks/public_key"]);

  it("answers a JSON body; a method a path does not serve is Lago's 405 with Allow", async () => {
    const { apiKey } = await createTestService("routes");
    const paths = routePaths();
    expect(paths.length).toBeGreaterThan(10);
    for (const path of paths) {
      for (const method of ["GET", "POST", "PUT", "PATCH", "DELETE"]) {
        const response = await fetch(`${inject("baseUrl")}/api/v1${path}`, {
          method,
          headers: { authorization: `Bearer ${apiKey}`, "content-type": "application/json" },
          body: method === "GET" || method === "DELETE" ? undefined : "{}",
        });
        const text = await response.text();
        const label = `${method} ${path} → ${response.status} ${text.slice(0, 200)}`;
        if (PLAIN_TEXT.has(`${method} ${path}`)) {
          expect(response.headers.get("content-type"), label).toMatch(/^text\/plain/);
          continue;
        }
        expect(() => JSON.parse(text), label).not.toThrow();
        expect(response.status, label).toBeLessThan(500);
        if (response.status === 405 && JSON.parse(text).code === "method_not_allowed") {
          expect(JSON.parse(text), label).toEqual({ status: 405, error: "Method Not Allowed", code: "method_not_allowed" });
          expect(response.headers.get("allow"), label).toMatch(/^(GET|POST|PUT|PATCH|DELETE)(, (GET|POST|PUT|PATCH|DELETE))*$/);
          expect(response.headers.get("allow")!.split(", "), label).not.toContain(method);
        }
      }
    }
  });
});
