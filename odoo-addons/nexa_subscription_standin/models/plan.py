from dateutil.relativedelta import relativedelta

from odoo import api, fields, models

UNIT_LABELS = {"week": "Week", "month": "Month", "year": "Year"}


class SaleSubscriptionPlan(models.Model):
    _name = "sale.subscription.plan"
    _description = "Subscription Plan"
    _order = "sequence, id"

    active = fields.Boolean(default=True)
    name = fields.Char(required=True, default="Monthly")
    sequence = fields.Integer(default=10)
    billing_period_value = fields.Integer(string="Billing Period ", required=True, default=1)
    billing_period_unit = fields.Selection(
        [("week", "Weeks"), ("month", "Months"), ("year", "Years")], string="Unit", required=True, default="month")
    billing_period_display = fields.Char(compute="_compute_billing_period_display", string="Billing Period")
    billing_first_day = fields.Boolean(string="Align to Period Start", default=False)
    auto_close_limit = fields.Integer(string="Automatic Closing", default=15)

    _check_for_valid_billing_period_value = models.Constraint(
        "CHECK(billing_period_value > 0)",
        "Recurring period must be a positive number. Please ensure the input is a valid positive numeric value.",
    )

    @property
    def billing_period(self):
        return relativedelta(**{f"{self.billing_period_unit}s": self.billing_period_value})

    @api.depends("billing_period_value", "billing_period_unit")
    def _compute_billing_period_display(self):
        for plan in self:
            label = UNIT_LABELS[plan.billing_period_unit]
            plan.billing_period_display = f"{plan.billing_period_value} {label}s" if plan.billing_period_value > 1 else f"1 {label}"


class SaleOrderCloseReason(models.Model):
    _name = "sale.order.close.reason"
    _description = "Subscription Close Reason"
    _order = "sequence, id"

    name = fields.Char("Reason", required=True)
    sequence = fields.Integer(default=10)
