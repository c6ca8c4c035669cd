const text = (value: unknown) => (typeof value === "string" && value.trim() ? value : null);
const day = (value: unknown) => (typeof value === "string" ? value.slice(0, 10) : "");

/**
 * A readable name for an audited entity, taken from its snapshot (the after one, else
 * the before one): what staff called it when the change was made, even if it was
 * renamed or deleted since. Falls back to the start of its id.
 */
export function auditEntityName(entityType: string, entityId: string, before: unknown, after: unknown): string {
  const snapshot = ((after ?? before ?? {}) as Record<string, unknown>);
  const pick = (...keys: string[]) => keys.map((key) => text(snapshot[key])).find(Boolean) ?? null;
  switch (entityType) {
    case "service": {
      const name = pick("name");
      const code = pick("code");
      return name && code ? `${name} (${code})` : (name ?? code ?? entityId.slice(0, 8));
    }
    case "job":
      return snapshot.metricCode ? `${String(snapshot.metricCode)} push ${day(snapshot.periodStart)} → ${day(snapshot.periodEnd)}` : entityId.slice(0, 8);
    case "reconciliation_run":
      return snapshot.periodStart ? `Run ${day(snapshot.periodStart)} → ${day(snapshot.periodEnd)}` : entityId.slice(0, 8);
    case "lago_import_run":
      return pick("baseUrl") ? `Import from ${pick("baseUrl")}` : entityId.slice(0, 8);
    case "webhook_delivery":
      return pick("webhookType") ?? entityId.slice(0, 8);
    case "account_link":
      return pick("externalId", "name") ?? entityId.slice(0, 8);
    default:
      return pick("code", "email", "name", "externalId") ?? entityId.slice(0, 8);
  }
}

/** The billing customer an audited entity belongs to, when it has one (for a link to its page). */
export function auditCustomerId(entityType: string, entityId: string, before: unknown, after: unknown): string | null {
  if (entityType === "billing_customer") return entityId;
  const snapshot = ((after ?? before ?? {}) as Record<string, unknown>);
  return entityType === "account_link" ? text(snapshot.billingCustomerId) : null;
}
