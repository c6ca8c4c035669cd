import { describe, expect, it } from "vitest";
import { AppError } from "~/server/errors";
import { normalizeOdooWebhook } from "./normalize-odoo-webhook";

describe("normalizeOdooWebhook", () => {
  it.each([
    [{ _action: "Payment changed(#12)", _id: 7, _model: "account.move", payment_state: "paid", partner_id: 3 }, { model: "account.move", id: 7 }],
    [{ _id: 9, _model: "sale.order", subscription_state: "6_churn" }, { model: "sale.order", id: 9 }],
    [{ _id: 9, _model: "res.partner" }, null],
    [{ _id: 9, _model: "account.move.line" }, null],
  ])("%j", (body, expected) => {
    expect(normalizeOdooWebhook(body)).toEqual(expected);
  });

  it.each([
    [null],
    ["account.move"],
    [{}],
    [{ _model: "account.move" }],
    [{ _id: "7", _model: "account.move" }],
    [{ _id: 0, _model: "account.move" }],
    [{ _id: 1.5, _model: "account.move" }],
    [{ _id: 7, _model: "" }],
    [[{ _id: 7, _model: "account.move" }]],
  ])("refuses %j", (body) => {
    expect(() => normalizeOdooWebhook(body)).toThrow(AppError);
  });
});
