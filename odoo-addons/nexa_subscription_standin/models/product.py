from odoo import api, fields, models


class ProductTemplate(models.Model):
    _inherit = "product.template"

    recurring_invoice = fields.Boolean("Subscription Product")
    # Only a recurring service billed in advance is prorated over a partial period.
    allow_prorated_price = fields.Boolean(compute="_compute_allow_prorated_price", store=True, readonly=False)

    @api.depends("type", "recurring_invoice", "invoice_policy")
    def _compute_allow_prorated_price(self):
        for template in self:
            template.allow_prorated_price = template.recurring_invoice and template.type == "service" and template.invoice_policy != "delivery"
