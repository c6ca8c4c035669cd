import { describe, expect, it } from "vitest";
import { DeliveryState, JobState, SubscriptionStatus } from "~/generated/prisma/enums";
import { PAYMENT_STATES } from "~/server/odoo/models/account-move";
import { LINE_STATUSES } from "~/server/reconciliation/line-status";
import { STATUS_LABELS, statusLabel } from "./status-labels";

describe("status labels", () => {
  it.each([
    ["jobs", Object.values(JobState)],
    ["webhook deliveries", Object.values(DeliveryState)],
    ["subscriptions", Object.values(SubscriptionStatus)],
    ["reconciliation lines", [...LINE_STATUSES]],
    ["reconciliation runs and Lago imports", ["running", "succeeded", "failed"]],
    ["Odoo payment states", [...PAYMENT_STATES]],
  ])("label every status of %s", (_, codes) => {
    for (const code of codes) expect(Object.keys(STATUS_LABELS)).toContain(code);
  });

  it("reads as words, never as the code", () => {
    expect(statusLabel("amount_mismatch")).toBe("Amounts differ");
    expect(statusLabel("awaiting_invoice")).toBe("Awaiting Odoo invoice");
    expect(statusLabel("brand_new_state")).toBe("Brand new state");
  });
});
