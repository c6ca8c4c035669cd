/**
 * What the readiness check learns about an Odoo instance and the hub's mappings into it,
 * gathered read-only by gather-readiness-facts.ts and judged by assess-readiness.ts.
 */
import type { HubCall, Needs, OdooFieldType } from "~/server/odoo/hub-surface";

export const CHECKED_MODULES = ["account", "sale_management", "sale_subscription", "payment_stripe", "base_automation"] as const;
export type CheckedModule = (typeof CHECKED_MODULES)[number];

export interface DescribedField {
  type: OdooFieldType;
  relation?: string;
  readonly: boolean;
}

export interface AutomationRule {
  name: string;
  model: string;
  active: boolean;
  trigger: string;
  fields: string[];
  webhookUrls: string[];
}

export interface OdooFacts {
  url: string;
  database: string | null;
  /** Authentication and the key's user; when it failed nothing else was asked. */
  identity: { ok: true; uid: number; login: string; name: string; groups: string[] } | { ok: false; error: string };
  version: { ok: true; serverVersion: string; major: number | null } | { ok: false; error: string };
  modules: Record<CheckedModule, boolean>;
  /** has_access per hub call; null when the call's model is not installed. */
  access: Array<{ call: HubCall; allowed: boolean | null; error?: string }>;
  /** fields_get per hub model; null when the model is not installed. */
  fields: Record<string, Record<string, DescribedField> | null>;
  currencies: Array<{ code: string; plans: string[]; odoo: { active: boolean } | null; pricelists: string[] }>;
  companies: Array<{ name: string; currency: string | null; portalConfirmationPay: boolean; prepaymentPercent: number }>;
  mappings: MappingFacts;
  automation:
    | { installed: false }
    | { installed: true; readable: false; error: string }
    | { installed: true; readable: true; rules: AutomationRule[] };
  /** Where Odoo's webhook must point: PUBLIC_URL + /api/odoo/webhook/<secret>. */
  webhook: { publicUrl: string | null; secret: string | null };
}

export interface MappingFacts {
  partners: Array<{ label: string; partnerId: number; odoo: { active: boolean } | null }>;
  products: Array<{ label: string; productId: number; expectedCode: string; expectedPolicy: "order" | "delivery"; odoo: { defaultCode: string | null; invoicePolicy: string; active: boolean } | null }>;
  /** Only read when sale_subscription is installed. */
  plans: Array<{ label: string; planId: number; expected: { value: number; unit: string }; odoo: { value: number; unit: string } | null }> | null;
  orders: Array<{
    label: string;
    orderId: number;
    expected: { ref: string; partnerId: number | null; currency: string; planId: number | null };
    odoo: { ref: string | null; partnerId: number | null; currency: string | null; planId: number | null; state: string } | null;
  }>;
}

export const NEEDS_MODULE: Record<Needs, CheckedModule | null> = { community: null, sale_subscription: "sale_subscription" };
