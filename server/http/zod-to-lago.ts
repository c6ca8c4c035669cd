import type { z } from "zod";
import type { ErrorDetails } from "~/server/errors";

// A schema may state a Lago error code as its message (e.g. "too_many_events");
// zod's own messages are English sentences and get a generic code instead.
const LAGO_CODE = /^[a-z][a-z_]*$/;

function codeFor(issue: z.core.$ZodIssue): string {
  if (LAGO_CODE.test(issue.message)) return issue.message;
  if (issue.code === "invalid_type" && issue.input === undefined) return "value_is_mandatory";
  if (issue.code === "invalid_value" || issue.code === "invalid_union") return "value_is_invalid";
  return "invalid_format";
}

/**
 * Flattens zod issues to Lago's `error_details`: `{ "<path>": ["<code>"] }`, where the
 * path drops the wire's root key (`event.code` → `code`) as Lago does.
 */
export function zodIssuesToLagoDetails(issues: readonly z.core.$ZodIssue[], rootKey?: string): ErrorDetails {
  const details: Record<string, string[]> = {};
  for (const issue of issues) {
    const path = issue.path.map(String);
    if (rootKey && path[0] === rootKey) path.shift();
    const key = path.length ? path.join(".") : (rootKey ?? "base");
    const codes = (details[key] ??= []);
    const code = codeFor(issue);
    if (!codes.includes(code)) codes.push(code);
  }
  return details;
}
