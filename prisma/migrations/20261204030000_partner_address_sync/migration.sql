-- AlterTable
ALTER TABLE "billing_customers" ADD COLUMN     "odoo_address_synced_at" TIMESTAMPTZ(3);
