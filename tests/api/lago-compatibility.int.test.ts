import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { describe, expect, inject, it } from "vitest";
import { createTestService } from "../support/fixtures";

/*
 * The README's compatibility table against the official client's own list of methods
 * (its OpenAPI `@request` annotations) and against what the hub answers: a method marked
 * answered must reach a handler, one marked not must get Lago's JSON 404 / 405.
 */
const readme = readFileSync("README.md", "utf8");
const table = readme.slice(readme.indexOf("<!-- lago-compatibility:start -->"), readme.indexOf("<!-- lago-compatibility:end -->"));
const rows = table
  .split("\n")
  .map((line) => /^\| (\w+) \| `(\w+)` \| `(GET|POST|PUT|PATCH|DELETE) ([^`]+)` \| (yes|no) \| (.+) \|$/.exec(line))
  .flatMap((match) => (match ? [{ group: match[1]!, name: match[2]!, method: match[3]!, path: match[4]!, answered: match[5] === "yes", why: match[6]! }] : []));

function clientMethods(): string[] {
  const typesFile = createRequire(import.meta.url).resolve("lago-javascript-client").replace(/[^/]+$/, "openapi/client.d.ts");
  const methods: string[] = [];
  let request: string | null = null;
  for (const line of readFileSync(typesFile, "utf8").split("\n")) {
    const annotation = /@request (\w+):(\S+)/.exec(line);
    if (annotation) request = `${annotation[1]} ${annotation[2]}`;
    const method = /^ {8}(\w+): \(/.exec(line);
    if (method && request) {
      methods.push(`${method[1]} ${request}`);
      request = null;
    }
  }
  return methods;
}

describe("README's lago-javascript-client compatibility table", () => {
  it("lists every method of the client once, each with a reason", () => {
    expect(rows.map((row) => `${row.name} ${row.method} ${row.path}`).sort()).toEqual(clientMethods().sort());
    expect(rows.every((row) => row.why.trim().length > 0)).toBe(true);
    expect(readme).toContain(`answers ${rows.filter((row) => row.answered).length} of the client's ${rows.length} methods`);
  });

  it("says truly which methods the hub answers", async () => {
    const { apiKey } = await createTestService("compat");
    for (const row of rows) {
      const response = await fetch(`${inject("baseUrl")}/api/v1${row.path.replace(/\{[^}]+\}/g, "x")}`, {
        method: row.method,
        headers: { authorization: `Bearer ${apiKey}`, "content-type": "application/json" },
        body: row.method === "GET" || row.method === "DELETE" ? undefined : "{}",
      });
      const text = await response.text();
      const code = response.headers.get("content-type")?.startsWith("application/json") ? (JSON.parse(text) as { code?: string }).code : undefined;
      const unanswered = (response.status === 404 && code === "route_not_found") || (response.status === 405 && code === "method_not_allowed");
      expect(unanswered, `${row.name}: ${row.method} ${row.path} → ${response.status} ${text.slice(0, 120)}`).toBe(!row.answered);
    }
  });
});
