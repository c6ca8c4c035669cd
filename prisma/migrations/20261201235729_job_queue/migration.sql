-- The job table becomes a queue of every kind of background work: usage
-- pushes keep their columns, other kinds carry a JSON payload.
-- CreateEnum
CREATE TYPE "job_kind" AS ENUM ('usage_push', 'reconciliation', 'lago_import');

-- AlterTable
ALTER TABLE "jobs" ADD COLUMN     "kind" "job_kind" NOT NULL DEFAULT 'usage_push',
ADD COLUMN     "payload" JSONB,
ADD COLUMN     "secret" TEXT,
ALTER COLUMN "subscription_id" DROP NOT NULL,
ALTER COLUMN "metric_code" DROP NOT NULL,
ALTER COLUMN "period_start" DROP NOT NULL,
ALTER COLUMN "period_end" DROP NOT NULL;

-- CreateIndex
CREATE INDEX "jobs_kind_state_next_run_at_idx" ON "jobs"("kind", "state", "next_run_at");

-- A usage push job names its subscription, period and metric; no other kind may leave them empty.
ALTER TABLE "jobs" ADD CONSTRAINT "jobs_usage_push_columns" CHECK (
  "kind" <> 'usage_push' OR ("subscription_id" IS NOT NULL AND "metric_code" IS NOT NULL AND "period_start" IS NOT NULL AND "period_end" IS NOT NULL)
);
