from dateutil.relativedelta import relativedelta

from odoo import fields, models


class AccountMoveLine(models.Model):
    _inherit = "account.move.line"

    subscription_id = fields.Many2one("sale.order", index=True)
    deferred_start_date = fields.Date(string="Start Date", copy=False)
    deferred_end_date = fields.Date(string="End Date", copy=False)

    def _standin_max_invoiced_date(self):
        """The latest service end date whose net invoiced quantity (credit notes negative) is positive."""
        quantity_by_end = {}
        for aml in self:
            if aml.move_id.state != "posted" or not aml.deferred_end_date:
                continue
            sign = 1 if aml.move_id.move_type == "out_invoice" else -1
            quantity_by_end[aml.deferred_end_date] = quantity_by_end.get(aml.deferred_end_date, 0.0) + sign * aml.quantity
        ends = [end for end, quantity in quantity_by_end.items() if quantity > 0]
        return ends and max(ends)


class AccountMove(models.Model):
    _inherit = "account.move"

    def _post(self, soft=True):
        posted = super()._post(soft=soft)
        subscriptions = posted.filtered(lambda m: m.move_type == "out_invoice").invoice_line_ids.subscription_id
        for order in subscriptions.filtered(lambda o: o.subscription_state in ("3_progress", "4_paused", "6_churn")):
            # Posting moves next_invoice_date past the latest period invoiced, a period more when all recurring lines are postpaid.
            last = self.env["account.move.line"].search([("subscription_id", "=", order.id)])._standin_max_invoiced_date()
            next_date = last + relativedelta(days=1) if last else order.start_date
            if all(line._standin_is_postpaid() for line in order.order_line if line.recurring_invoice):
                next_date += order.plan_id.billing_period
            order.write({"next_invoice_date": next_date, "last_reminder_date": False})
        return posted

    def write(self, vals):
        res = super().write(vals)
        if "matched_payment_ids" in vals:
            paid = self.filtered_domain([("payment_state", "in", ["paid", "in_payment"]), ("move_type", "=", "out_invoice")])
            paid.line_ids.subscription_id._standin_reopen_if_paid_late()
        return res
