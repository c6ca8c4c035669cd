/** Shapes shared by the simulator's in-memory ORM and its model definitions. */

export type FieldType =
  | "char"
  | "text"
  | "integer"
  | "float"
  | "monetary"
  | "boolean"
  | "date"
  | "datetime"
  | "selection"
  | "many2one"
  | "one2many"
  | "many2many";

/** A stored record: many2one as id | false, many2many as id[], one2many not stored. */
export type RawRecord = Record<string, unknown> & { id: number };

export interface FieldDef {
  type: FieldType;
  string: string;
  relation?: string;
  /** one2many: the many2one on `relation` pointing back. */
  inverse?: string;
  selection?: ReadonlyArray<readonly [string, string]>;
  required?: boolean;
  /** Where the column really lives when the model inherits it (product.product.name is product.template's). */
  storedOn?: { model: string; description: string };
  readonly?: boolean;
  /** Value used on create when vals lack the field. */
  default?: (env: Env, vals: Record<string, unknown>) => unknown;
  /** Non-stored computed field: evaluated on read and in domains; writes are ignored. */
  compute?: (env: Env, rec: RawRecord) => unknown;
  /** many2one: what happens to this record when the target is deleted. */
  ondelete?: "cascade" | "set null" | "restrict";
}

export interface MethodParam {
  name: string;
  required: boolean;
}

export interface MethodSpec {
  /** `@api.model` (and model_create_multi): json2 refuses `ids` for these. */
  apiModel: boolean;
  /** The access right the call needs (checked for the hub's key); null: none; default "write". */
  access?: "read" | "write" | "create" | "unlink" | null;
  /** Python parameters after `self`, in order (positional binding for execute_kw). */
  params: MethodParam[];
  /** `**kwargs` in the Python signature: extra keyword arguments bind. */
  varKw?: boolean;
  run: (env: Env, model: string, ids: number[], args: Record<string, unknown>) => unknown;
}

export interface ModelDef {
  name: string;
  description: string;
  fields: Record<string, FieldDef>;
  /** `_order`, e.g. "id" or "date desc, id desc". */
  order?: string;
  displayName: (env: Env, rec: RawRecord) => string;
  /** Model-specific public methods (action_confirm, action_post, ...). */
  methods?: Record<string, MethodSpec>;
  /** Called once per record before insert; may fill sequence names etc. */
  beforeCreate?: (env: Env, vals: Record<string, unknown>) => void;
  /** Called once per record after insert (its x2many values are in place). */
  afterCreate?: (env: Env, rec: RawRecord) => void;
  /** Called once per record after a write, with the values written (inverses, constraints). */
  afterWrite?: (env: Env, rec: RawRecord, vals: Record<string, unknown>) => void;
  /** May raise UserError to refuse deletion (e.g. confirmed sale orders). */
  beforeUnlink?: (env: Env, rec: RawRecord) => void;
}

export interface SimData {
  tables: Map<string, Map<number, RawRecord>>;
  nextIds: Map<string, number>;
  sequences: Map<string, number>;
}

export interface Env {
  data: SimData;
  registry: Map<string, ModelDef>;
  uid: number;
  context: Record<string, unknown>;
  /** The hub's bot key: access rights apply (odoo-sim/access.ts). False for an admin key and the simulator's own work. */
  restricted: boolean;
  /** `model:operation` → allowed, set with POST /__sim/access to refuse (or grant) more than the bot's groups do. */
  accessOverrides: Map<string, boolean>;
  /** The simulator's clock ("YYYY-MM-DD"), used by defaults and the invoicing run. */
  today: string;
}
