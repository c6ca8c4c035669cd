-- DropIndex
DROP INDEX "webhook_deliveries_lifecycle_event_id_service_id_ordering_k_key";

-- CreateIndex
CREATE INDEX "webhook_deliveries_lifecycle_event_id_idx" ON "webhook_deliveries"("lifecycle_event_id");
