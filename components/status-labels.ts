/**
 * Readable labels for every status code the console shows (jobs, deliveries,
 * subscriptions, reconciliation, imports, Odoo invoices, schedules), in one map, with a
 * tone for the badge. The codes stay what the API and the database use.
 */
export type Tone = "good" | "bad" | "warn" | "busy" | "idle";

export const STATUS_LABELS = {
  pending: { label: "Pending", tone: "idle" },
  running: { label: "Running", tone: "busy" },
  awaiting_invoice: { label: "Awaiting Odoo invoice", tone: "busy" },
  succeeded: { label: "Succeeded", tone: "good" },
  failed: { label: "Failed", tone: "bad" },
  dead: { label: "Dead (needs ops)", tone: "bad" },
  delivered: { label: "Delivered", tone: "good" },
  active: { label: "Active", tone: "good" },
  disabled: { label: "Disabled", tone: "bad" },
  terminated: { label: "Terminated", tone: "idle" },
  canceled: { label: "Canceled", tone: "idle" },
  match: { label: "Match", tone: "good" },
  amount_mismatch: { label: "Amounts differ", tone: "bad" },
  units_mismatch: { label: "Units differ", tone: "bad" },
  missing_in_lago: { label: "Missing in Lago", tone: "warn" },
  missing_in_odoo: { label: "Missing in Odoo", tone: "warn" },
  // Odoo account.move state and payment_state.
  draft: { label: "Draft", tone: "idle" },
  posted: { label: "Posted", tone: "good" },
  cancel: { label: "Cancelled", tone: "idle" },
  not_paid: { label: "Not paid", tone: "warn" },
  in_payment: { label: "In payment", tone: "busy" },
  paid: { label: "Paid", tone: "good" },
  partial: { label: "Partially paid", tone: "warn" },
  reversed: { label: "Reversed", tone: "idle" },
  blocked: { label: "Blocked", tone: "bad" },
  invoicing_legacy: { label: "Legacy invoicing", tone: "idle" },
  // Schedule runs.
  partial_failure: { label: "Ran with errors", tone: "warn" },
  // Readiness checks (status page).
  ready: { label: "Ready", tone: "good" },
  not_ready: { label: "Not ready", tone: "bad" },
  not_configured: { label: "Not configured", tone: "idle" },
  // Migration gates.
  gate_open: { label: "Ready for cutover", tone: "good" },
  gate_closed: { label: "Not yet", tone: "warn" },
  moved_to_odoo: { label: "Moved to Odoo", tone: "good" },
} as const satisfies Record<string, { label: string; tone: Tone }>;

export type StatusCode = keyof typeof STATUS_LABELS;

/** The label of a status; an unknown code is spelt out ("some_state" → "Some state") rather than shown raw. */
export function statusLabel(code: string): string {
  const known = (STATUS_LABELS as Record<string, { label: string }>)[code];
  if (known) return known.label;
  const words = code.replace(/_/g, " ");
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export function statusTone(code: string): Tone {
  return (STATUS_LABELS as Record<string, { tone: Tone }>)[code]?.tone ?? "idle";
}

/** Filter options for a list of codes, labelled. */
export const statusOptions = (codes: readonly string[]) => codes.map((value) => ({ value, label: statusLabel(value) }));
