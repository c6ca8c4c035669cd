-- AlterTable
ALTER TABLE "subscriptions" ADD COLUMN     "plan_changed_at" TIMESTAMPTZ(3),
ADD COLUMN     "previous_plan_id" UUID;

-- AddForeignKey
ALTER TABLE "subscriptions" ADD CONSTRAINT "subscriptions_previous_plan_id_fkey" FOREIGN KEY ("previous_plan_id") REFERENCES "plans"("id") ON DELETE SET NULL ON UPDATE CASCADE;
