-- CreateEnum
CREATE TYPE "aggregation_type" AS ENUM ('count_agg', 'sum_agg', 'max_agg', 'unique_count_agg', 'latest_agg');

-- CreateEnum
CREATE TYPE "plan_interval" AS ENUM ('weekly', 'monthly', 'quarterly', 'semiannual', 'yearly');

-- CreateEnum
CREATE TYPE "charge_model" AS ENUM ('standard', 'graduated', 'package', 'volume');

-- CreateEnum
CREATE TYPE "subscription_status" AS ENUM ('pending', 'active', 'terminated', 'canceled');

-- CreateEnum
CREATE TYPE "billing_time" AS ENUM ('calendar', 'anniversary');

-- CreateEnum
CREATE TYPE "job_state" AS ENUM ('pending', 'running', 'succeeded', 'failed', 'dead');

-- CreateEnum
CREATE TYPE "delivery_state" AS ENUM ('pending', 'delivered', 'dead');

-- CreateTable
CREATE TABLE "services" (
    "id" UUID NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "api_key_hash" TEXT NOT NULL,
    "api_key_prefix" TEXT NOT NULL,
    "api_key_rotated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "webhook_url" TEXT,
    "webhook_secret" TEXT NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "services_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "billing_customers" (
    "id" UUID NOT NULL,
    "name" TEXT,
    "email" TEXT,
    "odoo_partner_id" INTEGER,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "billing_customers_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "account_links" (
    "id" UUID NOT NULL,
    "service_id" UUID NOT NULL,
    "external_id" TEXT NOT NULL,
    "sequential_id" SERIAL NOT NULL,
    "billing_customer_id" UUID NOT NULL,
    "name" TEXT,
    "firstname" TEXT,
    "lastname" TEXT,
    "email" TEXT,
    "phone" TEXT,
    "legal_name" TEXT,
    "legal_number" TEXT,
    "tax_identification_number" TEXT,
    "address_line1" TEXT,
    "address_line2" TEXT,
    "city" TEXT,
    "state" TEXT,
    "zipcode" TEXT,
    "country" TEXT,
    "currency" TEXT,
    "timezone" TEXT,
    "metadata" JSONB NOT NULL DEFAULT '[]',
    "deleted_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "account_links_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "billable_metrics" (
    "id" UUID NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT,
    "aggregation_type" "aggregation_type" NOT NULL,
    "field_name" TEXT,
    "recurring" BOOLEAN NOT NULL DEFAULT false,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "billable_metrics_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "plans" (
    "id" UUID NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT,
    "interval" "plan_interval" NOT NULL,
    "amount_cents" BIGINT NOT NULL,
    "amount_currency" CHAR(3) NOT NULL,
    "pay_in_advance" BOOLEAN NOT NULL DEFAULT false,
    "odoo_plan_id" INTEGER,
    "odoo_product_id" INTEGER,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "plans_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "charges" (
    "id" UUID NOT NULL,
    "plan_id" UUID NOT NULL,
    "billable_metric_id" UUID NOT NULL,
    "charge_model" "charge_model" NOT NULL,
    "properties" JSONB NOT NULL,
    "invoice_display_name" TEXT,
    "odoo_product_id" INTEGER,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "charges_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "subscriptions" (
    "id" UUID NOT NULL,
    "service_id" UUID NOT NULL,
    "external_id" TEXT NOT NULL,
    "account_link_id" UUID NOT NULL,
    "plan_id" UUID NOT NULL,
    "name" TEXT,
    "status" "subscription_status" NOT NULL,
    "billing_time" "billing_time" NOT NULL,
    "subscription_at" TIMESTAMPTZ(3) NOT NULL,
    "started_at" TIMESTAMPTZ(3),
    "ending_at" TIMESTAMPTZ(3),
    "terminated_at" TIMESTAMPTZ(3),
    "canceled_at" TIMESTAMPTZ(3),
    "odoo_order_id" INTEGER,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "subscriptions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "usage_events" (
    "id" UUID NOT NULL,
    "service_id" UUID NOT NULL,
    "transaction_id" TEXT NOT NULL,
    "subscription_id" UUID NOT NULL,
    "code" TEXT NOT NULL,
    "timestamp" TIMESTAMPTZ(3) NOT NULL,
    "properties" JSONB NOT NULL DEFAULT '{}',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "usage_events_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "jobs" (
    "id" UUID NOT NULL,
    "subscription_id" UUID NOT NULL,
    "metric_code" TEXT NOT NULL,
    "period_start" TIMESTAMPTZ(3) NOT NULL,
    "period_end" TIMESTAMPTZ(3) NOT NULL,
    "state" "job_state" NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "next_run_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lease_owner" TEXT,
    "lease_expires_at" TIMESTAMPTZ(3),
    "last_error" TEXT,
    "quantity" TEXT,
    "odoo_order_line_id" INTEGER,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "jobs_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "webhook_deliveries" (
    "id" UUID NOT NULL,
    "service_id" UUID NOT NULL,
    "webhook_type" TEXT NOT NULL,
    "payload" JSONB NOT NULL,
    "state" "delivery_state" NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "next_run_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_status" INTEGER,
    "last_error" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "webhook_deliveries_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "reconciliation_runs" (
    "id" UUID NOT NULL,
    "period_start" TIMESTAMPTZ(3) NOT NULL,
    "period_end" TIMESTAMPTZ(3) NOT NULL,
    "tolerance_cents" INTEGER NOT NULL DEFAULT 0,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "reconciliation_runs_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "reconciliation_lines" (
    "id" UUID NOT NULL,
    "run_id" UUID NOT NULL,
    "customer_key" TEXT NOT NULL,
    "charge_key" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "lago_units" TEXT,
    "lago_amount_cents" BIGINT,
    "odoo_units" TEXT,
    "odoo_amount_cents" BIGINT,
    "hub_units" TEXT,
    "hub_amount_cents" BIGINT,
    "raw" JSONB NOT NULL DEFAULT '{}',

    CONSTRAINT "reconciliation_lines_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "services_code_key" ON "services"("code");

-- CreateIndex
CREATE UNIQUE INDEX "services_api_key_hash_key" ON "services"("api_key_hash");

-- CreateIndex
CREATE UNIQUE INDEX "billing_customers_odoo_partner_id_key" ON "billing_customers"("odoo_partner_id");

-- CreateIndex
CREATE UNIQUE INDEX "account_links_sequential_id_key" ON "account_links"("sequential_id");

-- CreateIndex
CREATE INDEX "account_links_billing_customer_id_idx" ON "account_links"("billing_customer_id");

-- CreateIndex
CREATE UNIQUE INDEX "account_links_service_id_external_id_key" ON "account_links"("service_id", "external_id");

-- CreateIndex
CREATE UNIQUE INDEX "billable_metrics_code_key" ON "billable_metrics"("code");

-- CreateIndex
CREATE UNIQUE INDEX "plans_code_key" ON "plans"("code");

-- CreateIndex
CREATE UNIQUE INDEX "charges_plan_id_billable_metric_id_key" ON "charges"("plan_id", "billable_metric_id");

-- CreateIndex
CREATE INDEX "subscriptions_account_link_id_idx" ON "subscriptions"("account_link_id");

-- CreateIndex
CREATE UNIQUE INDEX "subscriptions_service_id_external_id_key" ON "subscriptions"("service_id", "external_id");

-- CreateIndex
CREATE INDEX "usage_events_subscription_id_code_timestamp_idx" ON "usage_events"("subscription_id", "code", "timestamp");

-- CreateIndex
CREATE UNIQUE INDEX "usage_events_service_id_transaction_id_key" ON "usage_events"("service_id", "transaction_id");

-- CreateIndex
CREATE INDEX "jobs_state_next_run_at_idx" ON "jobs"("state", "next_run_at");

-- CreateIndex
CREATE UNIQUE INDEX "jobs_subscription_id_period_start_metric_code_key" ON "jobs"("subscription_id", "period_start", "metric_code");

-- CreateIndex
CREATE INDEX "webhook_deliveries_state_next_run_at_idx" ON "webhook_deliveries"("state", "next_run_at");

-- CreateIndex
CREATE INDEX "reconciliation_lines_run_id_status_idx" ON "reconciliation_lines"("run_id", "status");

-- AddForeignKey
ALTER TABLE "account_links" ADD CONSTRAINT "account_links_service_id_fkey" FOREIGN KEY ("service_id") REFERENCES "services"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "account_links" ADD CONSTRAINT "account_links_billing_customer_id_fkey" FOREIGN KEY ("billing_customer_id") REFERENCES "billing_customers"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "charges" ADD CONSTRAINT "charges_plan_id_fkey" FOREIGN KEY ("plan_id") REFERENCES "plans"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "charges" ADD CONSTRAINT "charges_billable_metric_id_fkey" FOREIGN KEY ("billable_metric_id") REFERENCES "billable_metrics"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "subscriptions" ADD CONSTRAINT "subscriptions_service_id_fkey" FOREIGN KEY ("service_id") REFERENCES "services"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "subscriptions" ADD CONSTRAINT "subscriptions_account_link_id_fkey" FOREIGN KEY ("account_link_id") REFERENCES "account_links"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "subscriptions" ADD CONSTRAINT "subscriptions_plan_id_fkey" FOREIGN KEY ("plan_id") REFERENCES "plans"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "usage_events" ADD CONSTRAINT "usage_events_service_id_fkey" FOREIGN KEY ("service_id") REFERENCES "services"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "usage_events" ADD CONSTRAINT "usage_events_subscription_id_fkey" FOREIGN KEY ("subscription_id") REFERENCES "subscriptions"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "jobs" ADD CONSTRAINT "jobs_subscription_id_fkey" FOREIGN KEY ("subscription_id") REFERENCES "subscriptions"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "webhook_deliveries" ADD CONSTRAINT "webhook_deliveries_service_id_fkey" FOREIGN KEY ("service_id") REFERENCES "services"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "reconciliation_lines" ADD CONSTRAINT "reconciliation_lines_run_id_fkey" FOREIGN KEY ("run_id") REFERENCES "reconciliation_runs"("id") ON DELETE CASCADE ON UPDATE CASCADE;
