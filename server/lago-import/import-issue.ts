import type { LagoResource } from "./import-progress";

/**
 * A Lago feature the hub does not support, met while importing. Stored in the run's
 * report, shown in the console and printed by the CLI, so nothing is dropped silently.
 */
export interface ImportIssue {
  resource: LagoResource;
  /** The Lago code / external id of the object. */
  id: string;
  feature: string;
  detail: string;
  /** What the import did about it: "skipped", "ignored", "imported without it", ... */
  action: string;
}

export const issueKey = (issue: ImportIssue) => `${issue.resource}|${issue.id}|${issue.feature}`;
