from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.tools.misc import format_date


class SaleOrderLine(models.Model):
    _inherit = "sale.order.line"

    recurring_invoice = fields.Boolean(related="product_template_id.recurring_invoice")
    last_invoiced_date = fields.Date(compute="_compute_last_invoiced_date")

    def _standin_is_postpaid(self):
        return self.product_id.invoice_policy == "delivery"

    @api.depends("invoice_lines.deferred_end_date", "invoice_lines.move_id.state")
    def _compute_last_invoiced_date(self):
        """The end of the latest period a posted invoice billed this line for, else the subscription's."""
        for line in self:
            own = line.invoice_lines.filtered(lambda aml: aml.move_id.state == "posted" and aml.deferred_end_date)
            if not own:
                line.last_invoiced_date = False
                continue
            order_lines = self.env["account.move.line"].search([("subscription_id", "=", line.order_id.id)])
            line.last_invoiced_date = own._standin_max_invoiced_date() or order_lines._standin_max_invoiced_date()

    @api.depends("invoice_lines.deferred_end_date", "order_id.next_invoice_date", "order_id.start_date", "order_id.state")
    def _compute_qty_invoiced(self):
        """A subscription's recurring line: what its current period was billed — a postpaid line the period after
        its last billed one, a prepaid line the period it was last billed for; credit notes negative."""
        super()._compute_qty_invoiced()
        for line in self.filtered(lambda l: l.recurring_invoice and l.order_id.plan_id):
            order = line.order_id
            if order.state != "sale":
                line.qty_invoiced = 0
                continue
            period = order.plan_id.billing_period
            last = line.last_invoiced_date
            if line._standin_is_postpaid():
                target = (last + relativedelta(days=1) if last else order.start_date or order._standin_today()) + period - relativedelta(days=1)
            elif not order.next_invoice_date:
                line.qty_invoiced = 0
                continue
            else:
                target = last or order.next_invoice_date - period
            amls = line.invoice_lines.filtered(lambda l: l.move_id.state != "cancel" and l.deferred_start_date and l.deferred_end_date == target)
            line.qty_invoiced = sum((-1 if aml.move_id.move_type == "out_refund" else 1) * aml.quantity for aml in amls)

    def _standin_invoice_period(self, force_postpaid=False):
        """(start, last day, price ratio, days) of the period the next invoice bills this line for: a postpaid
        line the period after its last billed one (else from the order's last invoice date, else its start),
        stopped at end_date; a prepaid line the one starting at next_invoice_date. Aligned plans stop at the
        next 1st of the month (or January 1st), prorating prepaid prices."""
        self.ensure_one()
        order = self.order_id
        today = order._standin_today()
        period = order.plan_id.billing_period
        start_date = order.start_date or today
        if self._standin_is_postpaid() and not force_postpaid:
            start = self.last_invoiced_date and self.last_invoiced_date + relativedelta(days=1) or order.last_invoice_date or start_date
            stop = min(d for d in [start + period, order.end_date] if d)
        else:
            start = order.next_invoice_date or start_date
            stop = start + period
        unit = order.plan_id.billing_period_unit
        if not order.plan_id.billing_first_day or unit == "week":
            return start, stop - relativedelta(days=1), 1, None
        if unit == "month":
            reference = stop if stop >= today else stop + relativedelta(months=1)
            first_day = reference + relativedelta(day=1)
        else:
            reference = stop if stop >= today else stop + relativedelta(years=1)
            first_day = reference + relativedelta(day=1, month=1)
        days = (first_day - start).days
        ratio = days / (stop - start).days if self.product_id.allow_prorated_price else 1
        return start, first_day - relativedelta(days=1), ratio, days

    def _standin_due_in_cron(self):
        """Recurring lines the cron bills: due orders only; prepaid for their ordered, postpaid for their WHOLE delivered quantity."""
        self.ensure_one()
        order = self.order_id
        today = order._standin_today()
        if not (order.next_invoice_date and order.next_invoice_date <= today and order.start_date and order.start_date <= today):
            return False
        return bool(self.qty_delivered if self._standin_is_postpaid() else self.product_uom_qty)

    def _prepare_invoice_line(self, **optional_values):
        res = super()._prepare_invoice_line(**optional_values)
        if not self.env.context.get("standin_recurring") or not self.order_id.is_subscription:
            return res
        res["subscription_id"] = self.order_id.id
        if not self.recurring_invoice:
            return res
        start, end, ratio, days = self._standin_invoice_period()
        duration = f"{days} days" if ratio != 1 else self.order_id.plan_id.billing_period_display
        lang = self.order_id.partner_id.lang
        period_text = f"{format_date(self.env, start, lang_code=lang)} to {format_date(self.env, end, lang_code=lang)}"
        res.update({
            "name": f"{res.get('name') or self.name}\n{duration} {period_text}",
            "quantity": self.qty_delivered if self._standin_is_postpaid() else self.product_uom_qty,
            "price_unit": res["price_unit"] * ratio,
            "deferred_start_date": start,
            "deferred_end_date": end,
        })
        return res
