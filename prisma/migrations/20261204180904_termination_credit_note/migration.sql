-- CreateEnum
CREATE TYPE "termination_credit_note" AS ENUM ('credit', 'skip');

-- AlterTable
ALTER TABLE "subscriptions" ADD COLUMN     "odoo_credit_note_id" INTEGER,
ADD COLUMN     "on_termination_credit_note" "termination_credit_note" NOT NULL DEFAULT 'credit';

-- Subscriptions that ended before the hub credited unused prepaid days were ended under
-- "no credit note" (the hub then refused `credit`): no credit is issued for them now.
UPDATE "subscriptions" SET "on_termination_credit_note" = 'skip' WHERE "terminated_at" IS NOT NULL;
