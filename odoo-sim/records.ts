/** Low-level record access for the in-memory ORM: tables, raw values, display names. */
import { missingError } from "./errors";
import type { Env, FieldDef, ModelDef, RawRecord } from "./models/types";

/** Fields every Odoo model has (odoo/orm/models.py MAGIC_COLUMNS + display_name). */
const MAGIC_FIELDS: Record<string, FieldDef> = {
  id: { type: "integer", string: "ID", readonly: true },
  display_name: { type: "char", string: "Display Name", readonly: true, compute: () => undefined },
  create_date: { type: "datetime", string: "Created on", readonly: true },
  write_date: { type: "datetime", string: "Last Updated on", readonly: true },
};

export function modelDef(env: Env, model: string): ModelDef {
  const def = env.registry.get(model);
  if (!def) throw new Error(`unknown model ${model}`);
  return def;
}

/** The model's fields including the magic ones, in definition order. */
export function allFields(def: ModelDef): Record<string, FieldDef> {
  return { id: MAGIC_FIELDS.id!, ...def.fields, display_name: MAGIC_FIELDS.display_name!, create_date: MAGIC_FIELDS.create_date!, write_date: MAGIC_FIELDS.write_date! };
}

export function fieldDef(def: ModelDef, name: string): FieldDef | undefined {
  return def.fields[name] ?? MAGIC_FIELDS[name];
}

export function table(env: Env, model: string): Map<number, RawRecord> {
  let t = env.data.tables.get(model);
  if (!t) {
    t = new Map();
    env.data.tables.set(model, t);
  }
  return t;
}

export function getRecord(env: Env, model: string, id: number): RawRecord | undefined {
  return table(env, model).get(id);
}

/** MissingError for the ids that do not exist (BaseModel._check_exists / read / write). */
export function checkExists(env: Env, model: string, ids: number[]): RawRecord[] {
  const t = table(env, model);
  const missing = ids.filter((id) => !t.has(id));
  if (missing.length) throw missingError(model, missing, env.uid);
  return ids.map((id) => t.get(id)!);
}

export function displayName(env: Env, model: string, id: number): string {
  const rec = getRecord(env, model, id);
  if (!rec) return `${model},${id}`;
  return modelDef(env, model).displayName(env, rec);
}

/**
 * The raw value of a field: many2one → id | false, x2many → ids, computed → computed,
 * scalars → stored value or false.
 */
export function fieldValue(env: Env, model: string, rec: RawRecord, fname: string): unknown {
  const def = modelDef(env, model);
  if (fname === "id") return rec.id;
  if (fname === "display_name") return def.displayName(env, rec);
  const field = fieldDef(def, fname);
  if (!field) return undefined;
  if (field.compute) return field.compute(env, rec);
  if (field.type === "one2many") return one2manyIds(env, field, rec.id);
  if (field.type === "many2many") return (rec[fname] as number[] | undefined) ?? [];
  const v = rec[fname];
  return v === undefined || v === null ? false : v;
}

export function one2manyIds(env: Env, field: FieldDef, parentId: number): number[] {
  const rows = [...table(env, field.relation!).values()];
  return rows.filter((r) => r[field.inverse!] === parentId).map((r) => r.id).sort((a, b) => a - b);
}

/** Records of a one2many as raw rows (helper for computed fields). */
export function children(env: Env, model: string, fname: string, rec: RawRecord): RawRecord[] {
  const field = modelDef(env, model).fields[fname]!;
  return one2manyIds(env, field, rec.id).map((id) => getRecord(env, field.relation!, id)!);
}

export function nextId(env: Env, model: string): number {
  const id = env.data.nextIds.get(model) ?? 1;
  env.data.nextIds.set(model, id + 1);
  return id;
}

/** ir.sequence stand-in: `next("sale.order")` → 1, 2, ... */
export function nextSequence(env: Env, code: string): number {
  const n = (env.data.sequences.get(code) ?? 0) + 1;
  env.data.sequences.set(code, n);
  return n;
}

export function nowDatetime(): string {
  return new Date().toISOString().slice(0, 19).replace("T", " ");
}
