import { validationFailed } from "~/server/errors";

/**
 * A field Lago documents, with the values the hub can honour: absent and null always are
 * (clients send every key), and `accepts` lists the no-op values (e.g. `account_type:
 * "customer"`). Anything else is refused, so nothing is accepted and then ignored.
 */
export type UnsupportedField = string | { name: string; accepts: readonly unknown[] };

/** Absent, null, `[]` or an object of nulls (`plan_overrides: {}`): the client asks for nothing. */
function isNothing(value: unknown): boolean {
  if (value === undefined || value === null) return true;
  if (Array.isArray(value)) return value.length === 0;
  return typeof value === "object" && Object.values(value).every(isNothing);
}

/** 422 `{ "<field>": ["unsupported_field"] }` for every documented field the hub cannot honour. */
export function refuseUnsupportedFields(body: unknown, rootKey: string, fields: readonly UnsupportedField[]): void {
  const root = body !== null && typeof body === "object" ? (body as Record<string, unknown>)[rootKey] : undefined;
  if (root === null || typeof root !== "object" || Array.isArray(root)) return;
  const values = root as Record<string, unknown>;
  const refused = fields.flatMap((field) => {
    const { name, accepts } = typeof field === "string" ? { name: field, accepts: [] as readonly unknown[] } : field;
    const value = values[name];
    return isNothing(value) || accepts.includes(value) ? [] : [name];
  });
  if (refused.length) throw validationFailed(Object.fromEntries(refused.map((name) => [name, ["unsupported_field"]])));
}
