-- CreateTable
CREATE TABLE "hub_events" (
    "id" UUID NOT NULL,
    "kind" TEXT NOT NULL,
    "service_id" UUID NOT NULL,
    "subject_id" UUID NOT NULL,
    "data" JSONB NOT NULL DEFAULT '{}',
    "occurred_at" TIMESTAMPTZ(3) NOT NULL,
    "fanned_out_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "hub_events_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "hub_events_fanned_out_at_created_at_idx" ON "hub_events"("fanned_out_at", "created_at");
