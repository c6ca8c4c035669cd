-- AlterEnum
ALTER TYPE "job_state" ADD VALUE 'awaiting_invoice';

-- AlterTable
ALTER TABLE "jobs" DROP COLUMN "quantity",
ADD COLUMN     "amount_cents" BIGINT,
ADD COLUMN     "last_pushed_at" TIMESTAMPTZ(3),
ADD COLUMN     "odoo_order_id" INTEGER,
ADD COLUMN     "units" TEXT;

-- CreateTable
CREATE TABLE "cron_leases" (
    "name" TEXT NOT NULL,
    "owner" TEXT NOT NULL,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "cron_leases_pkey" PRIMARY KEY ("name")
);
