/**
 * Access rights of the hub's API key. In production the key belongs to a bot user with
 * exactly the groups of ../shared/odoo19/README.md (Internal User, Contact Creation,
 * Products / Create, Sales / User: Own Documents Only, Accounting / Invoicing); this table
 * is what `has_access` answers for that user on the real Odoo 19.0 server (model
 * ir.model.access, checked by tests/odoo/access.test.ts), with the refusal texts of
 * odoo/addons/base/models/ir_model.py. Enterprise models the sim adds are open to it, as
 * with the subscription groups an Enterprise bot also gets. An admin key (the
 * simulator's `adminApiKey`) is not restricted.
 */
import { accessError, valueError } from "./errors";
import type { Env } from "./models/types";

export const OPERATIONS = ["read", "write", "create", "unlink"] as const;
export type Operation = (typeof OPERATIONS)[number];

const ALL: Operation[] = [...OPERATIONS];
const READ_ONLY: Operation[] = ["read"];

/** Allowed operations, and the groups the refusal names for the others. */
const HUB_BOT_ACCESS: Record<string, { allowed: Operation[]; refusedFor?: string[] }> = {
  "res.partner": { allowed: ALL },
  "res.currency": { allowed: READ_ONLY, refusedFor: ["Accounting/Administrator", "Role / Administrator"] },
  "res.country": { allowed: READ_ONLY, refusedFor: ["Role / Administrator"] },
  // Contact / Creation (group_partner_manager) manages states.
  "res.country.state": { allowed: ALL },
  "res.company": { allowed: READ_ONLY, refusedFor: ["Access Rights"] },
  "res.users": { allowed: READ_ONLY, refusedFor: ["Access Rights"] },
  "res.groups": { allowed: READ_ONLY, refusedFor: ["Access Rights"] },
  "uom.uom": { allowed: ALL },
  "product.product": { allowed: ALL },
  "product.pricelist": { allowed: ALL },
  "account.tax": { allowed: READ_ONLY, refusedFor: ["Accounting/Administrator"] },
  // Internal users read terms; only Accounting / Administrator makes them.
  "account.payment.term": { allowed: READ_ONLY, refusedFor: ["Accounting/Administrator"] },
  "account.payment.term.line": { allowed: READ_ONLY, refusedFor: ["Accounting/Administrator"] },
  "sale.order": { allowed: ["read", "write", "create"], refusedFor: ["Sales/Administrator"] },
  "sale.order.line": { allowed: ALL },
  "sale.advance.payment.inv": { allowed: ["read", "write", "create"], refusedFor: ["Sales/Administrator"] },
  "account.move": { allowed: ALL },
  "account.move.line": { allowed: ALL },
  "account.payment": { allowed: ALL },
  "account.payment.register": { allowed: ["read", "write", "create"], refusedFor: ["Accounting/Administrator"] },
  "payment.token": { allowed: READ_ONLY, refusedFor: ["Role / Administrator"] },
  "payment.provider": { allowed: [], refusedFor: ["Role / Administrator"] },
  "sale.order.template": { allowed: READ_ONLY, refusedFor: ["Sales/Administrator"] },
  "ir.module.module": { allowed: [], refusedFor: ["Role / Administrator"] },
  "ir.model.fields": { allowed: [], refusedFor: ["Role / Administrator"] },
  "ir.actions.server": { allowed: [], refusedFor: ["Role / Administrator"] },
  "base.automation": { allowed: [], refusedFor: ["Role / Administrator"] },
  // Enterprise (sale_subscription), granted by its Subscriptions groups.
  "sale.subscription.plan": { allowed: ALL },
  "sale.order.close.reason": { allowed: ALL },
};

const VERB: Record<Operation, string> = { read: "access", write: "modify", create: "create", unlink: "delete" };

export function isOperation(value: unknown): value is Operation {
  return typeof value === "string" && (OPERATIONS as readonly string[]).includes(value);
}

/** BaseModel.has_access(operation) for the calling user. */
export function hasAccess(env: Env, model: string, operation: unknown): boolean {
  if (!isOperation(operation)) throw valueError(`Invalid access mode: ${String(operation)}`);
  if (!env.restricted) return true;
  const override = env.accessOverrides.get(`${model}:${operation}`);
  if (override !== undefined) return override;
  return HUB_BOT_ACCESS[model]?.allowed.includes(operation) ?? false;
}

/** BaseModel.check_access: AccessError naming the groups that could. */
export function checkAccess(env: Env, model: string, operation: Operation): void {
  if (hasAccess(env, model, operation)) return;
  const groups = HUB_BOT_ACCESS[model]?.refusedFor ?? ["Role / Administrator"];
  const description = env.registry.get(model)?.description ?? model;
  throw accessError(
    `You are not allowed to ${VERB[operation]} '${description}' (${model}) records.\n\n` +
      `This operation is allowed for the following groups:\n${groups.map((g) => `\t- ${g}`).join("\n")}\n\n` +
      "Contact your administrator to request access if necessary.",
  );
}
