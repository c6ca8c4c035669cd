-- AlterTable
ALTER TABLE "subscriptions" ADD COLUMN     "downgrade_at" TIMESTAMPTZ(3),
ADD COLUMN     "next_plan_id" UUID;

-- AddForeignKey
ALTER TABLE "subscriptions" ADD CONSTRAINT "subscriptions_next_plan_id_fkey" FOREIGN KEY ("next_plan_id") REFERENCES "plans"("id") ON DELETE SET NULL ON UPDATE CASCADE;
