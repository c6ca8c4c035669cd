-- Catalog ownership: a plan or metric created with a service key is owned by that service;
-- every existing entry stays shared (owner NULL), written only from the console.
-- Audit rows name either a console user or a service key as their actor.
-- DropForeignKey
ALTER TABLE "audit_logs" DROP CONSTRAINT "audit_logs_actor_id_fkey";

-- AlterTable
ALTER TABLE "account_links" ALTER COLUMN "sequential_id" SET DEFAULT 0;

-- AlterTable
ALTER TABLE "audit_logs" ADD COLUMN     "actor_service_id" UUID,
ALTER COLUMN "actor_id" DROP NOT NULL;

-- AlterTable
ALTER TABLE "billable_metrics" ADD COLUMN     "owner_service_id" UUID;

-- AlterTable
ALTER TABLE "plans" ADD COLUMN     "owner_service_id" UUID;

-- CreateIndex
CREATE INDEX "billable_metrics_owner_service_id_idx" ON "billable_metrics"("owner_service_id");

-- CreateIndex
CREATE INDEX "plans_owner_service_id_idx" ON "plans"("owner_service_id");

-- AddForeignKey
ALTER TABLE "billable_metrics" ADD CONSTRAINT "billable_metrics_owner_service_id_fkey" FOREIGN KEY ("owner_service_id") REFERENCES "services"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "plans" ADD CONSTRAINT "plans_owner_service_id_fkey" FOREIGN KEY ("owner_service_id") REFERENCES "services"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "audit_logs" ADD CONSTRAINT "audit_logs_actor_id_fkey" FOREIGN KEY ("actor_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "audit_logs" ADD CONSTRAINT "audit_logs_actor_service_id_fkey" FOREIGN KEY ("actor_service_id") REFERENCES "services"("id") ON DELETE SET NULL ON UPDATE CASCADE;
