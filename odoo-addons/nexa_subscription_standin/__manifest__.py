{
    "name": "Nexa: sale_subscription stand-in (tests only)",
    "summary": "The part of Enterprise sale_subscription the Nexa Billing Hub relies on, on Community's invoicing",
    "description": """
Test-only stand-in for Odoo 19.0 Enterprise sale_subscription, written from the facts in
the hub's reference (../shared/reference/odoo19.md), not from Enterprise code: recurring
plans, subscription orders, the recurring invoice cron, payment gate, expiration and
payment reminder crons, and reopening on payment. Invoices, taxes and payment states are
Community's own. Never install it on a production database.
""",
    "version": "19.0.1.0.0",
    "license": "LGPL-3",
    "depends": ["sale_management", "account", "payment"],
    "data": ["security/ir.model.access.csv", "data/close_reasons.xml"],
    "installable": True,
}
