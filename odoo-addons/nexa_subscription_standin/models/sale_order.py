from dateutil.relativedelta import relativedelta

from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError

SUBSCRIPTION_STATES = [
    ("1_draft", "Quotation"), ("2_renewal", "Renewal Quotation"), ("3_progress", "In Progress"), ("4_paused", "Paused"),
    ("5_renewed", "Renewed"), ("6_churn", "Churned"), ("7_upsell", "Upsell"),
]
REOPENING_REASONS = ["close_reason_auto_close_limit_reached", "close_reason_unpaid_subscription"]


class SaleOrder(models.Model):
    _inherit = "sale.order"

    plan_id = fields.Many2one("sale.subscription.plan", string="Recurring Plan", ondelete="restrict", index="btree_not_null")
    is_subscription = fields.Boolean("Recurring", compute="_compute_is_subscription", store=True, index=True)
    subscription_state = fields.Selection(
        SUBSCRIPTION_STATES, string="Subscription Status", compute="_compute_subscription_state", store=True, readonly=False)
    start_date = fields.Date(string="Start Date")
    next_invoice_date = fields.Date(string="Next Invoice", copy=False)
    last_invoice_date = fields.Date(string="Last invoice date", compute="_compute_last_invoice_date")
    end_date = fields.Date(string="End Date")
    close_reason_id = fields.Many2one("sale.order.close.reason", string="Close Reason", copy=False)
    payment_token_id = fields.Many2one("payment.token", "Payment Token", copy=False)
    last_reminder_date = fields.Date()
    # The payment gate: online payment whenever a prepayment is asked (the company's by default).
    require_payment = fields.Boolean(compute="_compute_require_payment", inverse="_inverse_require_payment", store=True, readonly=False)

    _check_start_date_lower_next_invoice_date = models.Constraint(
        "CHECK((next_invoice_date IS NULL OR start_date IS NULL) OR (next_invoice_date >= start_date))",
        "The next invoice date of a sale order should be after its start date.",
    )

    @api.model_create_multi
    def create(self, vals_list):
        orders = super().create(vals_list)
        for order, vals in zip(orders, vals_list):
            if order.is_subscription and not order.subscription_state:
                order.subscription_state = vals.get("subscription_state", "1_draft")
        return orders

    def _standin_today(self):
        """The day the crons run for (nexa_standin_run_crons), else the last day they ran for, else today."""
        clock = self.env.context.get("standin_today") or self.env["ir.config_parameter"].sudo().get_param("nexa_standin.today")
        return fields.Date.to_date(clock) or fields.Date.context_today(self)

    @api.depends("plan_id")
    def _compute_is_subscription(self):
        for order in self:
            order.is_subscription = bool(order.plan_id) and order.subscription_state != "7_upsell"

    @api.depends("is_subscription")
    def _compute_subscription_state(self):
        for order in self:
            if order.state in ("draft", "sent") and order.subscription_state not in ("2_renewal", "7_upsell"):
                order.subscription_state = "1_draft" if order.is_subscription else False

    @api.depends("prepayment_percent")
    def _compute_require_payment(self):
        for order in self:
            order.require_payment = (order.prepayment_percent or 0.0) > 0

    def _inverse_require_payment(self):
        for order in self:
            if order.require_payment and not order.prepayment_percent:
                order.prepayment_percent = 1.0
            elif not order.require_payment:
                order.prepayment_percent = 0.0

    @api.depends("start_date", "state", "next_invoice_date")
    def _compute_last_invoice_date(self):
        for order in self:
            last = order.next_invoice_date and order.plan_id and order.next_invoice_date - order.plan_id.billing_period
            start = order.start_date or fields.Date.context_today(order)
            order.last_invoice_date = last if order.state == "sale" and last and last >= start else False

    def _standin_auto_close_limit(self):
        return self.plan_id.auto_close_limit or 15

    def action_confirm(self):
        for order in self:
            recurring = any(line.product_id.recurring_invoice for line in order.order_line)
            if not order.plan_id and recurring:
                raise UserError(_("Please add a recurring plan on the subscription or remove the recurring product."))
            if order.plan_id and not recurring:
                raise UserError(_("Please add a recurring product in the subscription or remove the recurring plan."))
        res = super().action_confirm()
        today = self._standin_today()
        for order in self.filtered("is_subscription"):
            order.write({"subscription_state": "3_progress", "start_date": order.start_date or today})
            if not order.next_invoice_date:
                order.next_invoice_date = order.start_date
            if all(line.product_id.invoice_policy == "delivery" for line in order.order_line):
                order._standin_update_next_invoice_date()
        return res

    def _standin_update_next_invoice_date(self, force_postpaid=False):
        """The day after the period the next invoice would bill."""
        for order in self:
            ends = [line._standin_invoice_period(force_postpaid)[1] for line in order.order_line]
            if ends:
                order.next_invoice_date = min(ends) + relativedelta(days=1)
            order.last_reminder_date = False

    def _standin_set_close(self, reason_xmlid=None):
        today = self._standin_today()
        for order in self:
            end_date = order.end_date if order.end_date and order.end_date <= today else today
            if reason_xmlid:
                reason = self.env.ref(f"nexa_subscription_standin.{reason_xmlid}")
            elif order.close_reason_id:
                reason = order.close_reason_id
            else:
                fallback = "close_reason_end_of_contract" if order.end_date and order.end_date <= end_date else "close_reason_unknown"
                reason = self.env.ref(f"nexa_subscription_standin.{fallback}")
            order.write({"subscription_state": "6_churn", "end_date": end_date, "close_reason_id": reason.id})

    def _standin_reopen_if_paid_late(self):
        reopening = [self.env.ref(f"nexa_subscription_standin.{x}").id for x in REOPENING_REASONS]
        today = self._standin_today()
        for order in self:
            cutoff = today - relativedelta(days=order._standin_auto_close_limit())
            if order.subscription_state == "6_churn" and order.next_invoice_date and order.next_invoice_date >= cutoff and order.close_reason_id.id in reopening:
                order.write({"state": "sale", "subscription_state": "3_progress", "close_reason_id": False, "end_date": False})

    def _standin_draft_invoices(self):
        self.ensure_one()
        lines = self.env["account.move.line"].search([
            "|", ("subscription_id", "=", self.id), ("sale_line_ids", "in", self.order_line.ids),
            ("move_id.state", "=", "draft"), ("move_id.move_type", "in", ["out_invoice", "out_refund"]),
        ])
        return lines.move_id

    def _create_invoices(self, grouped=False, final=False, date=None):
        blocked = self.filtered(lambda o: o.is_subscription and o._standin_draft_invoices())
        if blocked:
            raise ValidationError(_(
                "The following recurring orders have draft invoices. Please Confirm them or cancel them before creating new invoices. %s.",
                ", ".join(blocked.mapped("name"))))
        return super()._create_invoices(grouped=grouped, final=final, date=date)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_running_subscription(self):
        for order in self:
            if order.state not in ("draft", "sent") and order.subscription_state in ("3_progress", "4_paused", "7_upsell"):
                raise UserError(_("Oops! Before you can delete a confirmed subscription, you'll need to close and cancel it."))
