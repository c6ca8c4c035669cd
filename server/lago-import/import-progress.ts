/** The resources an import walks, in dependency order (plans need metrics, subscriptions need plans and customers, events subscriptions). */
export const LAGO_RESOURCES = ["billable_metrics", "plans", "customers", "subscriptions", "events", "invoices"] as const;
export type LagoResource = (typeof LAGO_RESOURCES)[number];

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
