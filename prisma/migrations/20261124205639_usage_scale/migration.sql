-- Scale: usage_events becomes a table partitioned by month on "timestamp"; idempotency
-- moves to an unpartitioned ledger (a unique index on a partitioned table must include
-- the partition key, which would make transaction ids unique per month only); hourly
-- rollups make current-usage reads independent of event volume.
-- Hand-written: Prisma's schema language cannot express partitioning.

-- CreateTable
CREATE TABLE "usage_event_keys" (
    "service_id" UUID NOT NULL,
    "transaction_id" TEXT NOT NULL,
    "event_id" UUID NOT NULL,
    "event_timestamp" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "usage_event_keys_pkey" PRIMARY KEY ("service_id","transaction_id")
);

-- CreateTable
CREATE TABLE "usage_rollups" (
    "subscription_id" UUID NOT NULL,
    "code" TEXT NOT NULL,
    "hour" TIMESTAMPTZ(3) NOT NULL,
    "events_count" BIGINT NOT NULL,
    "sum_value" DECIMAL,
    "max_value" DECIMAL,
    "latest_value" DECIMAL,
    "latest_at" TIMESTAMPTZ(3) NOT NULL,
    "latest_created_at" TIMESTAMPTZ(3) NOT NULL,
    "latest_transaction_id" TEXT NOT NULL,

    CONSTRAINT "usage_rollups_pkey" PRIMARY KEY ("subscription_id","code","hour")
);

-- CreateTable
CREATE TABLE "usage_rollup_values" (
    "subscription_id" UUID NOT NULL,
    "code" TEXT NOT NULL,
    "hour" TIMESTAMPTZ(3) NOT NULL,
    "value" TEXT NOT NULL,

    CONSTRAINT "usage_rollup_values_pkey" PRIMARY KEY ("subscription_id","code","hour","value")
);

-- Swap usage_events for its partitioned twin.
ALTER TABLE "usage_events" RENAME TO "usage_events_unpartitioned";
ALTER TABLE "usage_events_unpartitioned" RENAME CONSTRAINT "usage_events_pkey" TO "usage_events_unpartitioned_pkey";
ALTER TABLE "usage_events_unpartitioned" RENAME CONSTRAINT "usage_events_service_id_fkey" TO "usage_events_unpartitioned_service_id_fkey";
ALTER TABLE "usage_events_unpartitioned" RENAME CONSTRAINT "usage_events_subscription_id_fkey" TO "usage_events_unpartitioned_subscription_id_fkey";
ALTER INDEX "usage_events_subscription_id_code_timestamp_idx" RENAME TO "usage_events_unpartitioned_sub_code_ts_idx";
DROP INDEX "usage_events_service_id_transaction_id_key";

CREATE TABLE "usage_events" (
    "id" UUID NOT NULL,
    "service_id" UUID NOT NULL,
    "transaction_id" TEXT NOT NULL,
    "subscription_id" UUID NOT NULL,
    "code" TEXT NOT NULL,
    "timestamp" TIMESTAMPTZ(3) NOT NULL,
    "properties" JSONB NOT NULL DEFAULT '{}',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "usage_events_pkey" PRIMARY KEY ("id","timestamp")
) PARTITION BY RANGE ("timestamp");

CREATE INDEX "usage_events_subscription_id_code_timestamp_idx" ON "usage_events"("subscription_id", "code", "timestamp");
CREATE INDEX "usage_events_service_id_timestamp_idx" ON "usage_events"("service_id", "timestamp");
ALTER TABLE "usage_events" ADD CONSTRAINT "usage_events_service_id_fkey" FOREIGN KEY ("service_id") REFERENCES "services"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "usage_events" ADD CONSTRAINT "usage_events_subscription_id_fkey" FOREIGN KEY ("subscription_id") REFERENCES "subscriptions"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- One partition per UTC month, named usage_events_pYYYYMM, created when first needed.
-- Two sessions racing to create the same month is harmless: the loser sees it exists.
CREATE FUNCTION ensure_usage_event_partition(instant timestamptz) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  month_start timestamptz := date_trunc('month', instant AT TIME ZONE 'UTC') AT TIME ZONE 'UTC';
  partition_name text := 'usage_events_p' || to_char(month_start AT TIME ZONE 'UTC', 'YYYYMM');
BEGIN
  IF to_regclass(partition_name) IS NOT NULL THEN
    RETURN;
  END IF;
  EXECUTE format('CREATE TABLE %I PARTITION OF usage_events FOR VALUES FROM (%L) TO (%L)',
                 partition_name, month_start, month_start + interval '1 month');
EXCEPTION WHEN duplicate_table OR unique_violation THEN
  NULL;
END;
$$;

SELECT ensure_usage_event_partition(m)
FROM (SELECT DISTINCT date_trunc('month', "timestamp") AS m FROM "usage_events_unpartitioned"
      UNION SELECT date_trunc('month', now())) AS months;

INSERT INTO "usage_events" SELECT "id", "service_id", "transaction_id", "subscription_id", "code", "timestamp", "properties", "created_at" FROM "usage_events_unpartitioned";
INSERT INTO "usage_event_keys" SELECT "service_id", "transaction_id", "id", "timestamp" FROM "usage_events_unpartitioned";
DROP TABLE "usage_events_unpartitioned";

-- Backfill rollups from the events already stored.
INSERT INTO "usage_rollups"
SELECT e.subscription_id, e.code, date_trunc('hour', e."timestamp"), count(*),
       sum(CASE WHEN m.aggregation_type IN ('sum_agg', 'max_agg', 'latest_agg') THEN (e.properties->>m.field_name)::numeric END),
       max(CASE WHEN m.aggregation_type IN ('sum_agg', 'max_agg', 'latest_agg') THEN (e.properties->>m.field_name)::numeric END),
       (array_agg(CASE WHEN m.aggregation_type IN ('sum_agg', 'max_agg', 'latest_agg') THEN (e.properties->>m.field_name)::numeric END
                  ORDER BY e."timestamp" DESC, e.created_at DESC, e.transaction_id DESC))[1],
       max(e."timestamp"),
       (array_agg(e.created_at ORDER BY e."timestamp" DESC, e.created_at DESC, e.transaction_id DESC))[1],
       (array_agg(e.transaction_id ORDER BY e."timestamp" DESC, e.created_at DESC, e.transaction_id DESC))[1]
FROM "usage_events" e JOIN "billable_metrics" m ON m.code = e.code
GROUP BY 1, 2, 3;

INSERT INTO "usage_rollup_values"
SELECT DISTINCT e.subscription_id, e.code, date_trunc('hour', e."timestamp"), e.properties->>m.field_name
FROM "usage_events" e JOIN "billable_metrics" m ON m.code = e.code
WHERE m.aggregation_type = 'unique_count_agg' AND e.properties->>m.field_name IS NOT NULL;
