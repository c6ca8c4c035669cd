-- AlterTable
ALTER TABLE "jobs" ADD COLUMN     "invoiced_amount_cents" BIGINT;

-- AlterTable
ALTER TABLE "subscriptions" ADD COLUMN     "odoo_close_reason" TEXT,
ADD COLUMN     "odoo_closed_at" TIMESTAMPTZ(3);
