/** The resources an import walks, in dependency order (plans need metrics, subscriptions need plans and customers, events subscriptions). */
export const LAGO_RESOURCES = ["billable_metrics", "plans", "customers", "subscriptions", "events", "invoices", "credit_notes"] as const;
export type LagoResource = (typeof LAGO_RESOURCES)[number];

/**
 * What a run walks. A delta leaves out the catalog (a shadow service's catalog is edited in
 * the hub, and an unattended run has no user to record catalog changes against) and the
 * events (the hub forwards its own to Lago; the first, full import backfilled the rest).
 */
export const IMPORT_SCOPES = {
  full: LAGO_RESOURCES,
  delta: ["customers", "subscriptions", "invoices", "credit_notes"],
} as const satisfies Record<string, readonly LagoResource[]>;
export type ImportScope = keyof typeof IMPORT_SCOPES;
export const importScopeOf = (scope: string): ImportScope => (scope === "delta" ? "delta" : "full");

/** The checkpoint of one resource: `page` is the last page whose every row was imported. */
export interface ResourceProgress {
  page: number;
  totalPages: number | null;
  totalCount: number | null;
  imported: number;
  done: boolean;
}

export type ImportProgress = Partial<Record<LagoResource, ResourceProgress>>;

export const emptyProgress = (): ResourceProgress => ({ page: 0, totalPages: null, totalCount: null, imported: 0, done: false });
