/** The simulator's ORM: create / write / unlink / read / search over in-memory tables. */
import { checkDomainFields, domainMentions, matches, parseDomain } from "./domain";
import { OdooException, typeError, validationError, valueError } from "./errors";
import {
  allFields, checkExists, fieldDef, fieldValue, modelDef, nextId, nowDatetime, one2manyIds, table,
} from "./records";
import { toCache, toRead } from "./values";
import type { Env, FieldDef, RawRecord } from "./models/types";

/** A NOT NULL violation as odoo/service/model.py retrying() (_as_validation_error) renders it. */
const requiredMessage = (env: Env, model: string, fname: string, field: FieldDef) => {
  const table = field.storedOn ?? { model, description: modelDef(env, model).description };
  return validationError(
    "The operation cannot be completed: " +
      `Missing required value for the field '${field.string}' (${fname}).\nModel: '${table.description}' (${table.model})\n` +
      "- create/update: a mandatory field is not set\n- delete: another model requires the record being deleted, you can archive it instead\n",
  );
};

export function createRecords(env: Env, model: string, valsList: unknown): number[] {
  const def = modelDef(env, model);
  const list = Array.isArray(valsList) ? valsList : [valsList];
  const ids: number[] = [];
  for (const item of list) {
    if (typeof item !== "object" || item === null || Array.isArray(item))
      throw typeError(`create() expects a dict or a list of dicts, got ${JSON.stringify(item)}`);
    const vals: Record<string, unknown> = { ...(item as Record<string, unknown>) };
    // BaseModel.create refuses unknown fields (orm/models.py: "Invalid field %r in %r").
    for (const fname of Object.keys(vals))
      if (!fieldDef(def, fname)) throw valueError(`Invalid field '${fname}' in '${model}'`);
    for (const [fname, field] of Object.entries(def.fields))
      if (!(fname in vals) && field.default) vals[fname] = field.default(env, vals);
    def.beforeCreate?.(env, vals);
    const id = nextId(env, model);
    const now = nowDatetime();
    const rec: RawRecord = { id, create_date: now, write_date: now };
    const x2m: [string, FieldDef, unknown][] = [];
    for (const [fname, value] of Object.entries(vals)) {
      const field = def.fields[fname];
      // Computed fields without an inverse are dropped, as Odoo does.
      if (!field || field.compute) continue;
      if (field.type === "one2many" || field.type === "many2many") x2m.push([fname, field, value]);
      else rec[fname] = toCache(env, model, fname, field, value);
    }
    for (const [fname, field] of Object.entries(def.fields)) {
      if (field.type === "many2many" && rec[fname] === undefined) rec[fname] = [];
      if (field.required && !field.compute && (rec[fname] === undefined || rec[fname] === false))
        throw requiredMessage(env, model, fname, field);
    }
    table(env, model).set(id, rec);
    for (const [fname, field, value] of x2m) applyX2many(env, model, rec, fname, field, value);
    def.afterCreate?.(env, rec);
    ids.push(id);
  }
  return ids;
}

export function writeRecords(env: Env, model: string, ids: number[], vals: unknown): true {
  if (typeof vals !== "object" || vals === null || Array.isArray(vals))
    throw typeError(`write() argument 'vals' must be a dict, got ${JSON.stringify(vals)}`);
  const def = modelDef(env, model);
  const recs = checkExists(env, model, ids);
  for (const fname of Object.keys(vals)) {
    // BaseModel.write looks each name up in self._fields: a bare KeyError (500).
    if (!fieldDef(def, fname)) throw new OdooException("builtins.KeyError", fname, 500);
  }
  for (const rec of recs) {
    for (const [fname, value] of Object.entries(vals as Record<string, unknown>)) {
      const field = def.fields[fname];
      if (!field || field.compute) continue; // magic/computed fields without inverse: ignored
      if (field.type === "one2many" || field.type === "many2many") {
        applyX2many(env, model, rec, fname, field, value);
        continue;
      }
      const v = toCache(env, model, fname, field, value);
      if (field.required && v === false) throw requiredMessage(env, model, fname, field);
      rec[fname] = v;
    }
    rec.write_date = nowDatetime();
    def.afterWrite?.(env, rec, vals as Record<string, unknown>);
  }
  return true;
}

export function unlinkRecords(env: Env, model: string, ids: number[]): true {
  const def = modelDef(env, model);
  const recs = checkExists(env, model, ids);
  for (const rec of recs) def.beforeUnlink?.(env, rec);
  for (const id of ids) table(env, model).delete(id);
  // Referencing records: ondelete cascade / restrict / set null (many2one), drop from many2many.
  for (const [otherName, other] of env.registry) {
    for (const [fname, field] of Object.entries(other.fields)) {
      if (field.relation !== model || field.compute) continue;
      for (const row of [...table(env, otherName).values()]) {
        if (field.type === "many2many") {
          row[fname] = ((row[fname] as number[]) ?? []).filter((x) => !ids.includes(x));
        } else if (field.type === "many2one" && ids.includes(row[fname] as number)) {
          if (field.ondelete === "cascade") {
            if (table(env, otherName).has(row.id)) unlinkRecords(env, otherName, [row.id]);
          }
          else if (field.ondelete === "restrict")
            throw validationError(
              "The operation cannot be completed: another model requires the record being deleted. " +
                `If possible, archive it instead.\n\nModel: ${other.description} (${otherName})`,
            );
          else row[fname] = false;
        }
      }
    }
  }
  return true;
}

/**
 * One2many / many2many commands (odoo/fields.py Command): (0,0,vals) CREATE,
 * (1,id,vals) UPDATE, (2,id) DELETE, (3,id) UNLINK, (4,id) LINK, (5,) CLEAR,
 * (6,0,ids) SET. A bare list of ids on a many2many means SET.
 */
function applyX2many(env: Env, model: string, rec: RawRecord, fname: string, field: FieldDef, value: unknown) {
  if (value === false || value === null) value = [[5]];
  if (!Array.isArray(value)) throw valueError(`Wrong value for ${model}.${fname}: ${JSON.stringify(value)}`);
  const commands = value.every((v) => typeof v === "number") ? [[6, 0, value]] : value;
  const rel = field.relation!;
  const current = () => (field.type === "one2many" ? one2manyIds(env, field, rec.id) : (rec[fname] as number[]));
  const link = (id: number) => {
    checkExists(env, rel, [id]);
    if (field.type === "one2many") writeRecords(env, rel, [id], { [field.inverse!]: rec.id });
    else if (!current().includes(id)) rec[fname] = [...current(), id];
  };
  const detach = (id: number) => {
    if (field.type === "many2many") rec[fname] = current().filter((x) => x !== id);
    else if (modelDef(env, rel).fields[field.inverse!]?.ondelete === "cascade") unlinkRecords(env, rel, [id]);
    else writeRecords(env, rel, [id], { [field.inverse!]: false });
  };
  for (const cmd of commands) {
    if (!Array.isArray(cmd)) throw valueError(`Invalid x2many command ${JSON.stringify(cmd)} for ${model}.${fname}`);
    const [code, id, arg] = cmd as [number, number, unknown];
    switch (code) {
      case 0: {
        const extra = field.type === "one2many" ? { [field.inverse!]: rec.id } : {};
        const [newId] = createRecords(env, rel, [{ ...(arg as object), ...extra }]);
        if (field.type === "many2many") rec[fname] = [...current(), newId!];
        break;
      }
      case 1:
        if (!current().includes(id)) checkExists(env, rel, [id]);
        writeRecords(env, rel, [id], arg);
        break;
      case 2:
        unlinkRecords(env, rel, [id]);
        break;
      case 3:
        detach(id);
        break;
      case 4:
        link(id);
        break;
      case 5:
        for (const x of current()) detach(x);
        break;
      case 6: {
        const wanted = (arg as number[]) ?? [];
        for (const x of current()) if (!wanted.includes(x)) detach(x);
        for (const x of wanted) link(x);
        break;
      }
      default:
        throw valueError(`Invalid x2many command ${JSON.stringify(cmd)} for ${model}.${fname}`);
    }
  }
}

export function readRecords(env: Env, model: string, ids: number[], fields?: unknown, load: unknown = "_classic_read") {
  const def = modelDef(env, model);
  const everything = allFields(def);
  const names = Array.isArray(fields) && fields.length ? (fields as string[]) : Object.keys(everything);
  for (const n of names)
    if (!everything[n]) throw valueError(`Invalid field '${n}' on '${model}'`);
  // read() silently drops ids that do not exist (it fetches, then keeps what came back).
  const t = table(env, model);
  const recs = ids.filter((id) => t.has(id)).map((id) => t.get(id)!);
  const loadMode = load === null || load === false ? null : String(load);
  return recs.map((rec) => {
    const out: Record<string, unknown> = { id: rec.id };
    for (const n of names) out[n] = toRead(env, everything[n]!, fieldValue(env, model, rec, n), loadMode);
    return out;
  });
}

export interface SearchOptions {
  offset?: unknown;
  limit?: unknown;
  order?: unknown;
}

export function searchIds(env: Env, model: string, domain: unknown, opts: SearchOptions = {}): number[] {
  const def = modelDef(env, model);
  const node = parseDomain(domain);
  checkDomainFields(env, model, node);
  // active_test (odoo/orm/models.py _search): archived records are hidden unless the
  // domain mentions `active` or the context says active_test=False.
  const activeFilter = "active" in def.fields && env.context.active_test !== false && !domainMentions(domain, "active");
  let rows = [...table(env, model).values()].filter(
    (r) => (!activeFilter || r.active !== false) && matches(env, model, r, node),
  );
  rows = sortRows(env, model, rows, typeof opts.order === "string" && opts.order ? opts.order : def.order ?? "id");
  const offset = typeof opts.offset === "number" ? opts.offset : 0;
  const limit = typeof opts.limit === "number" ? opts.limit : undefined;
  return rows.slice(offset, limit === undefined ? undefined : offset + limit).map((r) => r.id);
}

function sortRows(env: Env, model: string, rows: RawRecord[], order: string): RawRecord[] {
  const def = modelDef(env, model);
  const keys = order.split(",").map((part) => {
    const [name = "id", dir = "asc"] = part.trim().split(/\s+/);
    if (!fieldDef(def, name)) throw valueError(`Invalid field '${name}' on model '${model}'`);
    return { name, desc: dir.toLowerCase() === "desc" };
  });
  return [...rows].sort((a, b) => {
    for (const { name, desc } of keys) {
      const va = fieldValue(env, model, a, name);
      const vb = fieldValue(env, model, b, name);
      if (va === vb) continue;
      // PostgreSQL: NULLS LAST for ASC, NULLS FIRST for DESC.
      if (va === false) return desc ? -1 : 1;
      if (vb === false) return desc ? 1 : -1;
      const cmp = (va as number | string) < (vb as number | string) ? -1 : 1;
      return desc ? -cmp : cmp;
    }
    return a.id - b.id;
  });
}

export function fieldsGet(env: Env, model: string, allfields?: unknown, attributes?: unknown) {
  const everything = allFields(modelDef(env, model));
  const wanted = Array.isArray(allfields) && allfields.length ? (allfields as string[]) : Object.keys(everything);
  const out: Record<string, Record<string, unknown>> = {};
  for (const name of wanted) {
    const f = everything[name];
    if (!f) continue;
    const desc: Record<string, unknown> = {
      type: f.type,
      string: f.string,
      required: Boolean(f.required),
      readonly: Boolean(f.readonly || f.compute),
      store: !f.compute && f.type !== "one2many",
      searchable: true,
      sortable: !f.compute,
      name,
    };
    if (f.relation) desc.relation = f.relation;
    if (f.inverse) desc.relation_field = f.inverse;
    if (f.selection) desc.selection = f.selection.map(([k, v]) => [k, v]);
    out[name] = Array.isArray(attributes)
      ? Object.fromEntries(Object.entries(desc).filter(([k]) => (attributes as string[]).includes(k)))
      : desc;
  }
  return out;
}
