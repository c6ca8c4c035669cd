/**
 * Odoo domain evaluation over in-memory records.
 *
 * Domains are Polish-notation lists (odoo/orm/domains.py): '&', '|' (binary) and '!'
 * (unary) prefix operators, leaves `[path, operator, value]`, implicit '&' between
 * consecutive terms, TRUE_LEAF `[1, '=', 1]` and FALSE_LEAF `[0, '=', 1]`.
 * SQL NULL semantics copied from the query generator: comparisons with an unset value
 * are false, except that `!=`, `not in`, `not like`, `not ilike` also match unset values.
 */
import { valueError } from "./errors";
import { pyLeaf } from "./py-repr";
import { displayName, fieldDef, fieldValue, getRecord, modelDef } from "./records";
import type { Env, RawRecord } from "./models/types";

type Node =
  | { kind: "and" | "or"; left: Node; right: Node }
  | { kind: "not"; child: Node }
  | { kind: "leaf"; path: string; op: string; value: unknown }
  | { kind: "const"; value: boolean };

const OPERATORS = new Set([
  "=", "!=", "<", "<=", ">", ">=", "like", "not like", "ilike", "not ilike",
  "=like", "=ilike", "in", "not in", "child_of", "parent_of",
]);

export function parseDomain(domain: unknown): Node {
  if (domain === undefined || domain === null || domain === false) return { kind: "const", value: true };
  if (!Array.isArray(domain)) throw valueError(`Invalid domain: ${JSON.stringify(domain)}`);
  let pos = 0;
  const term = (): Node => {
    const item: unknown = domain[pos++];
    if (item === "&" || item === "|") {
      const left = term();
      const right = term();
      return { kind: item === "&" ? "and" : "or", left, right };
    }
    if (item === "!") return { kind: "not", child: term() };
    if (Array.isArray(item) && item.length === 3) {
      const [path, rawOp, value] = item as [unknown, unknown, unknown];
      if ((path === 1 || path === 0) && rawOp === "=" && value === 1) return { kind: "const", value: path === 1 };
      const op = typeof rawOp === "string" ? rawOp.toLowerCase() : "";
      if (typeof path !== "string" || !OPERATORS.has(op))
        throw valueError(`Invalid leaf ${JSON.stringify(item)}`);
      return { kind: "leaf", path, op, value };
    }
    throw valueError(`Invalid domain term ${JSON.stringify(item)}`);
  };
  const terms: Node[] = [];
  while (pos < domain.length) terms.push(term());
  if (terms.length === 0) return { kind: "const", value: true };
  return terms.reduce((acc, t) => ({ kind: "and", left: acc, right: t }));
}

/**
 * Odoo resolves every condition's field before running the query (orm/domains.py
 * _raise), so an unknown field fails even when no record exists.
 */
export function checkDomainFields(env: Env, model: string, node: Node): void {
  if (node.kind === "and" || node.kind === "or") {
    checkDomainFields(env, model, node.left);
    checkDomainFields(env, model, node.right);
  } else if (node.kind === "not") {
    checkDomainFields(env, model, node.child);
  } else if (node.kind === "leaf") {
    let current = model;
    for (const [i, fname] of node.path.split(".").entries()) {
      const field = fieldDef(modelDef(env, current), fname);
      if (!field) throw valueError(`Invalid field ${current}.${fname} in condition ${pyLeaf(node.path, node.op, node.value)}`);
      if (i < node.path.split(".").length - 1) {
        if (!field.relation) throw valueError(`Invalid path ${node.path} on ${model}`);
        current = field.relation;
      }
    }
  }
}

/** True when the domain mentions the field at its top level (used for active_test). */
export function domainMentions(domain: unknown, fname: string): boolean {
  return Array.isArray(domain) && domain.some((t) => Array.isArray(t) && t[0] === fname);
}

export function matches(env: Env, model: string, rec: RawRecord, node: Node): boolean {
  switch (node.kind) {
    case "const":
      return node.value;
    case "and":
      return matches(env, model, rec, node.left) && matches(env, model, rec, node.right);
    case "or":
      return matches(env, model, rec, node.left) || matches(env, model, rec, node.right);
    case "not":
      return !matches(env, model, rec, node.child);
    case "leaf":
      return matchLeaf(env, model, rec, node.path.split("."), node.op, node.value);
  }
}

function matchLeaf(env: Env, model: string, rec: RawRecord, path: string[], op: string, value: unknown): boolean {
  const [fname, ...rest] = path as [string, ...string[]];
  const field = fieldDef(modelDef(env, model), fname);
  if (!field) throw valueError(`Invalid field ${model}.${fname} in condition ${pyLeaf(path.join("."), op, value)}`);
  const raw = fieldValue(env, model, rec, fname);
  const relational = field.type === "many2one" || field.type === "one2many" || field.type === "many2many";

  if (rest.length) {
    if (!relational) throw valueError(`Invalid path ${path.join(".")} on ${model}`);
    const ids = field.type === "many2one" ? (raw === false ? [] : [raw as number]) : (raw as number[]);
    return ids.some((id) => {
      const sub = getRecord(env, field.relation!, id);
      return sub !== undefined && matchLeaf(env, field.relation!, sub, rest, op, value);
    });
  }

  if (relational) {
    const ids = field.type === "many2one" ? (raw === false ? [] : [raw as number]) : (raw as number[]);
    return matchRelational(env, field.relation!, ids, op, value);
  }
  return compareScalar(raw, op, value);
}

function matchRelational(env: Env, relation: string, ids: number[], op: string, value: unknown): boolean {
  const names = () => ids.map((id) => displayName(env, relation, id));
  const isNameSearch = typeof value === "string" || (Array.isArray(value) && value.some((v) => typeof v === "string"));
  if (isNameSearch) {
    if (op === "in" || op === "not in") {
      const hit = names().some((n) => (value as unknown[]).includes(n));
      return op === "in" ? hit : !hit;
    }
    const negative = op === "!=" || op.startsWith("not ");
    const positiveOp = negative ? (op === "!=" ? "=" : op.slice(4)) : op;
    const hit = names().some((n) => compareScalar(n, positiveOp, value));
    return negative ? !hit : hit;
  }
  const list = Array.isArray(value) ? value : [value];
  const wanted = new Set(list.filter((v): v is number => typeof v === "number"));
  const wantsEmpty = list.includes(false);
  const hit = (ids.length === 0 && wantsEmpty) || ids.some((id) => wanted.has(id));
  switch (op) {
    case "=":
    case "in":
    case "child_of":
    case "parent_of":
      return hit;
    case "!=":
    case "not in":
      return !hit;
    default:
      throw valueError(`Invalid operator ${op} on a relational field`);
  }
}

const isUnset = (v: unknown) => v === false || v === null || v === undefined || v === "";

function likeRegex(pattern: string, wrap: boolean, insensitive: boolean): RegExp {
  const body = pattern.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/%/g, ".*").replace(/_/g, ".");
  return new RegExp(wrap ? body : `^${body}$`, insensitive ? "is" : "s");
}

export function compareScalar(raw: unknown, op: string, value: unknown): boolean {
  const unset = isUnset(raw) && typeof raw !== "boolean";
  switch (op) {
    case "=":
      if (value === false || value === null) return isUnset(raw);
      return !unset && raw === value;
    case "!=":
      if (value === false || value === null) return !isUnset(raw);
      return unset || raw !== value;
    case "in":
    case "not in": {
      if (!Array.isArray(value)) throw valueError(`The domain operator '${op}' needs a list`);
      const hit = unset ? value.includes(false) || value.includes(null) : value.includes(raw);
      return op === "in" ? hit : !hit;
    }
    case "<":
    case "<=":
    case ">":
    case ">=": {
      if (unset || value === false || value === null) return false;
      const a = raw as number | string;
      const b = value as number | string;
      return op === "<" ? a < b : op === "<=" ? a <= b : op === ">" ? a > b : a >= b;
    }
    case "like":
    case "ilike":
    case "=like":
    case "=ilike":
    case "not like":
    case "not ilike": {
      const negative = op.startsWith("not ");
      if (unset) return negative;
      const base = negative ? op.slice(4) : op;
      const re = likeRegex(String(value ?? ""), !base.startsWith("="), base.includes("ilike"));
      const hit = re.test(String(raw));
      return negative ? !hit : hit;
    }
    default:
      throw valueError(`Invalid operator ${op}`);
  }
}
