-- AlterTable
ALTER TABLE "webhook_deliveries" ADD COLUMN     "dead_at" TIMESTAMPTZ(3),
ADD COLUMN     "delivered_at" TIMESTAMPTZ(3),
ADD COLUMN     "lifecycle_event_id" UUID,
ADD COLUMN     "ordering_key" TEXT NOT NULL,
ADD COLUMN     "retry_until" TIMESTAMPTZ(3) NOT NULL,
ADD COLUMN     "sequence" BIGSERIAL NOT NULL;

-- CreateTable
CREATE TABLE "odoo_record_states" (
    "odoo_model" TEXT NOT NULL,
    "odoo_id" INTEGER NOT NULL,
    "state" TEXT NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "observed_at" TIMESTAMPTZ(3) NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "odoo_record_states_pkey" PRIMARY KEY ("odoo_model","odoo_id")
);

-- CreateTable
CREATE TABLE "lifecycle_events" (
    "id" UUID NOT NULL,
    "unique_key" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "odoo_model" TEXT NOT NULL,
    "odoo_id" INTEGER NOT NULL,
    "state" TEXT NOT NULL,
    "previous_state" TEXT,
    "source" TEXT NOT NULL,
    "snapshot" JSONB NOT NULL,
    "occurred_at" TIMESTAMPTZ(3) NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "lifecycle_events_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "webhook_attempts" (
    "id" UUID NOT NULL,
    "delivery_id" UUID NOT NULL,
    "number" INTEGER NOT NULL,
    "status" INTEGER,
    "latency_ms" INTEGER NOT NULL,
    "response_excerpt" TEXT,
    "error" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "webhook_attempts_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "lifecycle_events_unique_key_key" ON "lifecycle_events"("unique_key");

-- CreateIndex
CREATE INDEX "webhook_attempts_delivery_id_number_idx" ON "webhook_attempts"("delivery_id", "number");

-- CreateIndex
CREATE INDEX "webhook_deliveries_service_id_ordering_key_sequence_idx" ON "webhook_deliveries"("service_id", "ordering_key", "sequence");

-- CreateIndex
CREATE UNIQUE INDEX "webhook_deliveries_lifecycle_event_id_service_id_ordering_k_key" ON "webhook_deliveries"("lifecycle_event_id", "service_id", "ordering_key", "webhook_type");

-- AddForeignKey
ALTER TABLE "webhook_deliveries" ADD CONSTRAINT "webhook_deliveries_lifecycle_event_id_fkey" FOREIGN KEY ("lifecycle_event_id") REFERENCES "lifecycle_events"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "webhook_attempts" ADD CONSTRAINT "webhook_attempts_delivery_id_fkey" FOREIGN KEY ("delivery_id") REFERENCES "webhook_deliveries"("id") ON DELETE CASCADE ON UPDATE CASCADE;
