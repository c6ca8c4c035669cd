/**
 * Field value conversion, after odoo/orm/fields*.py convert_to_cache / convert_to_read:
 * integers `int(value or 0)`, floats `float(value or 0.0)`, empty char → False,
 * dates "YYYY-MM-DD", selection values checked ("Wrong value for <field>: <value>"),
 * many2one read as `[id, display_name]` under load='_classic_read'.
 */
import { valueError, validationError } from "./errors";
import { displayName, getRecord } from "./records";
import type { Env, FieldDef } from "./models/types";

const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;
const DATETIME_RE = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/;

export function toCache(env: Env, model: string, fname: string, field: FieldDef, value: unknown): unknown {
  const wrong = () => valueError(`Wrong value for ${model}.${fname}: ${JSON.stringify(value)}`);
  switch (field.type) {
    case "char":
    case "text":
      if (value === false || value === null || value === undefined || value === "") return false;
      if (typeof value !== "string") return String(value);
      return value;
    case "integer":
      if (value === false || value === null) return 0;
      if (typeof value !== "number" || !Number.isFinite(value)) throw wrong();
      return Math.trunc(value);
    case "float":
    case "monetary":
      if (value === false || value === null) return 0;
      if (typeof value !== "number" || !Number.isFinite(value)) throw wrong();
      return value;
    case "boolean":
      return Boolean(value);
    case "date": {
      if (value === false || value === null || value === "") return false;
      const s = typeof value === "string" ? value.slice(0, 10) : "";
      if (!DATE_RE.test(s) || Number.isNaN(Date.parse(s)))
        throw valueError(`time data ${JSON.stringify(value)} does not match format '%Y-%m-%d'`);
      return s;
    }
    case "datetime": {
      if (value === false || value === null || value === "") return false;
      const s = typeof value === "string" && value.length === 10 ? `${value} 00:00:00` : value;
      if (typeof s !== "string" || !DATETIME_RE.test(s))
        throw valueError(`time data ${JSON.stringify(value)} does not match format '%Y-%m-%d %H:%M:%S'`);
      return s;
    }
    case "selection":
      if (value === false || value === null) return false;
      if (!field.selection!.some(([k]) => k === value)) throw wrong();
      return value;
    case "many2one": {
      if (value === false || value === null || value === 0) return false;
      const id = Array.isArray(value) ? value[0] : value;
      if (typeof id !== "number" || !Number.isInteger(id)) throw wrong();
      if (!getRecord(env, field.relation!, id))
        // PostgreSQL foreign key violation, turned into a ValidationError by
        // odoo/service/model.py retrying() (_as_validation_error) — text approximated.
        throw validationError(
          `The operation cannot be completed: the record ${field.relation}(${id},) referenced by ${model}.${fname} does not exist.`,
        );
      return id;
    }
    default:
      throw wrong();
  }
}

export function toRead(env: Env, field: FieldDef, raw: unknown, load: string | null): unknown {
  switch (field.type) {
    case "many2one":
      if (raw === false || raw === undefined) return false;
      return load === "_classic_read" ? [raw, displayName(env, field.relation!, raw as number)] : raw;
    case "one2many":
    case "many2many":
      return [...((raw as number[] | undefined) ?? [])];
    case "integer":
    case "float":
    case "monetary":
      return typeof raw === "number" ? raw : 0;
    case "boolean":
      return Boolean(raw);
    default:
      return raw === undefined || raw === null || raw === "" ? false : raw;
  }
}
