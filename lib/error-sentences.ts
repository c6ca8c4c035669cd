/**
 * The one place Lago/domain error codes and field paths become sentences for staff.
 * The server keeps answering codes (apps read them); the console never shows one raw.
 */

const FIELD_NAMES: Readonly<Record<string, string>> = {
  code: "code",
  email: "email",
  name: "name",
  fieldName: "field name",
  aggregationType: "aggregation",
  amountCurrency: "currency",
  odooPartnerId: "Odoo partner",
  webhookUrl: "webhook URL",
  billable_metric_id: "metric",
};

// Codes whose sentence does not depend on the field.
const SENTENCES: Readonly<Record<string, string>> = {
  value_is_mandatory: "Required.",
  value_is_invalid: "Not a valid value.",
  invalid_format: "Not in the expected format.",
  invalid_amount: "Enter an amount such as 0.05: digits, optionally a dot and decimals, no sign.",
  invalid_free_units: "Enter a number of free units such as 100 (0 for none).",
  invalid_package_size: "Enter a whole number of units, at least 1.",
  invalid_graduated_ranges: "Tiers must start at 0, follow one another without a gap, and only the last one is open-ended.",
  invalid_volume_ranges: "Tiers must start at 0, follow one another without a gap, and only the last one is open-ended.",
  attached_to_subscriptions: "Subscriptions use this plan, so this cannot change: create a new plan instead.",
  attached_to_plans: "Plans charge this metric: remove it from their charges first.",
  metric_has_events: "Events were already counted with this metric: create a new metric instead.",
  currencies_does_not_match: "Live subscriptions bill in the current currency, so it cannot change.",
  not_compatible_with_aggregation_type: "Only Sum and Unique count metrics can be recurring.",
  not_found_in_odoo: "Odoo has no partner with this id.",
  job_not_retryable: "Only failed or dead jobs can be retried.",
  last_active_admin: "This is the last active admin: make another user admin first.",
  own_account: "You cannot demote or disable your own account: ask another admin.",
  no_active_subscription: "The subscription is not active.",
};

const DUPLICATES: Readonly<Record<string, string>> = {
  code: "This code is already used: pick another one.",
  email: "A user with this email already exists.",
  odooPartnerId: "This Odoo partner is already mapped to another billing customer.",
  billable_metric_id: "This metric is already charged in this plan.",
};

/** `charges.0.properties.free_units` → `free_units`; `field_name` → `fieldName`. */
function fieldKey(path: string): string {
  const last = path.split(".").at(-1) ?? path;
  return path.includes(".") ? last : last.replace(/_([a-z])/g, (_, letter: string) => letter.toUpperCase());
}

const humanize = (code: string) => {
  const words = code.replace(/_/g, " ").trim();
  return `${words.charAt(0).toUpperCase()}${words.slice(1)}.`;
};

/** A sentence for one error code on one field path (or none). Unknown codes are spelt out in words. */
export function errorSentence(code: string, path?: string): string {
  if (code === "value_already_exist") {
    const key = path ? fieldKey(path) : "";
    return DUPLICATES[key] ?? `This ${FIELD_NAMES[key] ?? "value"} is already used.`;
  }
  return SENTENCES[code] ?? humanize(code);
}

/** Whether a message is a bare code (`job_not_retryable`) rather than a sentence. */
export const isErrorCode = (message: string) => /^[a-z][a-z0-9]*(_[a-z0-9]+)+$/.test(message);

/**
 * Lago-style details (`{ "charges.0.properties.amount": ["invalid_amount"] }`) as one
 * sentence per field, keyed by the form's field name: the first path segment in
 * camelCase (`field_name` → `fieldName`), nested paths kept as they are.
 */
export function detailSentences(details: Record<string, unknown>): Record<string, string> {
  const sentences: Record<string, string> = {};
  for (const [path, codes] of Object.entries(details)) {
    const list = (Array.isArray(codes) ? codes : [codes]).filter((code): code is string => typeof code === "string");
    const key = path.includes(".") ? path : fieldKey(path);
    sentences[key] = list.map((code) => errorSentence(code, path)).join(" ");
  }
  return sentences;
}
