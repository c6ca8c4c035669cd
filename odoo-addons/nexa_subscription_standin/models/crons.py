from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import AccessError

CRONS = ["subscription_expiration", "recurring_invoice", "payment_reminder"]
PERIOD_DAYS = {"week": 7, "month": 30, "year": 365}


class SaleOrder(models.Model):
    _inherit = "sale.order"

    @api.model
    def nexa_standin_run_crons(self, today, until=None, crons=None):
        """Test hook: runs the subscription crons (expiration, invoicing, reminders, in Odoo's order) for each
        day from `today` through `until`, as if each day had come. Administrators only."""
        if not self.env.is_admin():
            raise AccessError("Only an administrator may run the subscription crons.")
        crons = crons or CRONS
        day, last = fields.Date.to_date(today), fields.Date.to_date(until or today)
        days = []
        while day <= last:
            orders = self.with_context(standin_today=day)
            result = {"today": fields.Date.to_string(day), "invoiced": [], "closed": []}
            for cron in [c for c in CRONS if c in crons]:
                if cron == "recurring_invoice":
                    result["invoiced"] = orders._standin_create_recurring_invoice()
                elif cron == "subscription_expiration":
                    result["closed"] += orders._standin_cron_expiration()
                else:
                    result["closed"] += orders._standin_cron_payment_reminder()
            days.append(result)
            day += relativedelta(days=1)
        # Later calls (confirming, paying) happen on the last day run, as in the simulator.
        self.env["ir.config_parameter"].sudo().set_param("nexa_standin.today", fields.Date.to_string(last))
        return days

    def _standin_invoiced_once(self):
        return bool(self.env["account.move.line"].search_count([
            ("subscription_id", "=", self.id), ("move_id.move_type", "=", "out_invoice"), ("move_id.state", "in", ["draft", "posted"])]))

    def _standin_invoiceable_lines(self):
        recurring = self.order_line.filtered(lambda l: l.recurring_invoice and l._standin_due_in_cron())
        others = self.order_line.filtered(lambda l: not l.recurring_invoice and not l.display_type and l.qty_to_invoice)
        return recurring | others

    def _standin_is_free(self, lines):
        currency = self.currency_id
        delivered = any(l.recurring_invoice and l._standin_is_postpaid() and l.qty_delivered for l in lines)
        non_recurring = any(not l.recurring_invoice for l in lines)
        recurring_total = sum(self.order_line.filtered("recurring_invoice").mapped("price_subtotal"))
        if currency.compare_amounts(sum(lines.mapped("price_total")), 0) < 1 and not delivered:
            return True
        return currency.compare_amounts(recurring_total, 0) < 1 and not non_recurring and not delivered

    def _standin_passes_payment_gate(self):
        if self.payment_token_id or not self.require_payment:
            return True
        if not self._standin_invoiced_once() and self.prepayment_percent != 1:
            return True
        return self._standin_is_free(self._standin_invoiceable_lines())

    def _standin_create_recurring_invoice(self):
        today = self._standin_today()
        due = self.search([
            ("is_subscription", "=", True), ("state", "=", "sale"), ("subscription_state", "=", "3_progress"),
            "|", ("next_invoice_date", "<=", today), ("end_date", "<=", today)], order="id")
        invoiced = []
        for order in due.filtered(lambda o: o._standin_passes_payment_gate()):
            if order.end_date and order.end_date <= today:
                order._standin_set_close()
                continue
            drafts = order._standin_draft_invoices()
            if drafts and not order.payment_token_id:
                continue
            drafts.button_cancel()
            lines = order._standin_invoiceable_lines()
            entry = {"order_id": order.id, "move_id": None, "period_start": None, "period_end": None, "amount_total": 0.0}
            if not lines or order._standin_is_free(lines):
                if order.next_invoice_date and order.next_invoice_date <= today:
                    order._standin_update_next_invoice_date(force_postpaid=True)
            else:
                move = order.with_context(standin_recurring=True, standin_invoice_lines=lines.ids)._create_invoices(final=True)
                # Dated the day the cron runs (due the same day: no payment terms).
                move.write({"invoice_date": today, "invoice_date_due": today})
                move.action_post()
                if order.payment_token_id:
                    order._standin_pay(move)
                dated = move.invoice_line_ids.filtered("deferred_start_date")
                entry.update(move_id=move.id, amount_total=move.amount_total,
                             period_start=fields.Date.to_string(min(dated.mapped("deferred_start_date"), default=None)) if dated else None,
                             period_end=fields.Date.to_string(max(dated.mapped("deferred_end_date"), default=None)) if dated else None)
            entry["next_invoice_date"] = fields.Date.to_string(order.next_invoice_date)
            invoiced.append(entry)
        return invoiced

    def _standin_pay(self, move):
        """A saved card pays the invoice on the spot (an authorized transaction), through the register payment wizard."""
        wizard = self.env["account.payment.register"].with_context(active_model="account.move", active_ids=move.ids).create({"payment_date": self._standin_today()})
        wizard.action_create_payments()

    def _get_invoiceable_lines(self, final=False):
        if "standin_invoice_lines" in self.env.context:
            return self.order_line.filtered(lambda l: l.id in self.env.context["standin_invoice_lines"])
        return super()._get_invoiceable_lines(final=final)

    def _standin_closed(self, orders):
        return [{"order_id": o.id, "reason": o.close_reason_id.name} for o in orders]

    def _standin_unpaid_past_limit(self):
        today = self._standin_today()
        days = PERIOD_DAYS[self.plan_id.billing_period_unit] * self.plan_id.billing_period_value
        floor = self.next_invoice_date - relativedelta(days=days)
        moves = self.env["account.move.line"].search([("subscription_id", "=", self.id), ("sale_line_ids", "!=", False)]).move_id
        for move in moves.filtered(lambda m: m.move_type == "out_invoice" and m.state == "posted" and m.payment_state == "not_paid"):
            limit = (move.invoice_date_due or move.invoice_date) + relativedelta(days=self._standin_auto_close_limit())
            if floor <= limit < today:
                return True
        return False

    def _standin_cron_expiration(self):
        today = self._standin_today()
        closed = self.env["sale.order"]
        for order in self.search([("is_subscription", "=", True), ("state", "=", "sale"), ("subscription_state", "in", ["3_progress", "4_paused"])], order="id"):
            in_progress = order.subscription_state == "3_progress"
            if in_progress and order._standin_unpaid_past_limit():
                order._standin_set_close("close_reason_unpaid_subscription")
            elif in_progress and order.next_invoice_date and order.next_invoice_date + relativedelta(days=order._standin_auto_close_limit()) < today:
                order._standin_set_close("close_reason_auto_close_limit_reached")
            elif order.end_date and order.end_date < today:
                order._standin_set_close()
            else:
                continue
            closed |= order
        return self._standin_closed(closed)

    def _standin_cron_payment_reminder(self):
        today = self._standin_today()
        reminder_days = {today + relativedelta(days=d) for d in (0, 2, 7, 14, -2, -7, -14)}
        held = self.search([
            ("is_subscription", "=", True), ("state", "=", "sale"), ("subscription_state", "=", "3_progress"),
            ("payment_token_id", "=", False), ("require_payment", "=", True), ("next_invoice_date", "!=", False),
            "|", ("last_reminder_date", "=", False), ("last_reminder_date", "!=", today)], order="id")
        closed = self.env["sale.order"]
        for order in held.filtered(lambda o: o.next_invoice_date in reminder_days or o.next_invoice_date <= today):
            if order.prepayment_percent != 1 and not order._standin_invoiced_once():
                continue
            if today >= order.next_invoice_date + relativedelta(days=order._standin_auto_close_limit()) and order.next_invoice_date not in reminder_days:
                order._standin_set_close("close_reason_auto_close_limit_reached")
                closed |= order
            elif order.next_invoice_date in reminder_days:
                order.last_reminder_date = today
        return self._standin_closed(closed)
