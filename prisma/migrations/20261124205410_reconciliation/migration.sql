-- AlterTable
ALTER TABLE "reconciliation_lines" ADD COLUMN     "amount_diff_cents" BIGINT NOT NULL DEFAULT 0,
ADD COLUMN     "currency" TEXT,
ADD COLUMN     "service_code" TEXT NOT NULL DEFAULT '';

-- AlterTable
ALTER TABLE "reconciliation_runs" ADD COLUMN     "amount_mismatch_count" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "error" TEXT,
ADD COLUMN     "finished_at" TIMESTAMPTZ(3),
ADD COLUMN     "line_count" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "match_count" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "missing_in_lago_count" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "missing_in_odoo_count" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "progress" TEXT,
ADD COLUMN     "service_id" UUID,
ADD COLUMN     "started_by" TEXT,
ADD COLUMN     "status" TEXT NOT NULL DEFAULT 'running',
ADD COLUMN     "units_mismatch_count" INTEGER NOT NULL DEFAULT 0;

-- CreateTable
CREATE TABLE "lago_import_runs" (
    "id" UUID NOT NULL,
    "service_id" UUID NOT NULL,
    "base_url" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'running',
    "progress" JSONB NOT NULL DEFAULT '{}',
    "report" JSONB NOT NULL DEFAULT '[]',
    "error" TEXT,
    "finished_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "lago_import_runs_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "lago_invoices" (
    "id" UUID NOT NULL,
    "lago_id" TEXT NOT NULL,
    "service_id" UUID NOT NULL,
    "number" TEXT NOT NULL,
    "external_customer_id" TEXT NOT NULL,
    "issuing_date" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "currency" TEXT NOT NULL,
    "total_amount_cents" BIGINT NOT NULL,
    "raw" JSONB NOT NULL,
    "imported_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "lago_invoices_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "lago_fees" (
    "id" UUID NOT NULL,
    "invoice_id" UUID NOT NULL,
    "lago_id" TEXT,
    "item_type" TEXT NOT NULL,
    "item_code" TEXT NOT NULL,
    "external_customer_id" TEXT NOT NULL,
    "external_subscription_id" TEXT,
    "units" TEXT NOT NULL,
    "amount_cents" BIGINT NOT NULL,
    "currency" TEXT NOT NULL,
    "from_date" TIMESTAMPTZ(3),
    "to_date" TIMESTAMPTZ(3),
    "raw" JSONB NOT NULL,

    CONSTRAINT "lago_fees_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "lago_import_runs_service_id_base_url_created_at_idx" ON "lago_import_runs"("service_id", "base_url", "created_at");

-- CreateIndex
CREATE UNIQUE INDEX "lago_invoices_lago_id_key" ON "lago_invoices"("lago_id");

-- CreateIndex
CREATE INDEX "lago_invoices_service_id_issuing_date_idx" ON "lago_invoices"("service_id", "issuing_date");

-- CreateIndex
CREATE INDEX "lago_fees_invoice_id_idx" ON "lago_fees"("invoice_id");

-- CreateIndex
CREATE INDEX "lago_fees_from_date_idx" ON "lago_fees"("from_date");

-- CreateIndex
CREATE INDEX "reconciliation_lines_run_id_service_code_customer_key_idx" ON "reconciliation_lines"("run_id", "service_code", "customer_key");

-- CreateIndex
CREATE INDEX "reconciliation_runs_period_start_created_at_idx" ON "reconciliation_runs"("period_start", "created_at");

-- AddForeignKey
ALTER TABLE "lago_fees" ADD CONSTRAINT "lago_fees_invoice_id_fkey" FOREIGN KEY ("invoice_id") REFERENCES "lago_invoices"("id") ON DELETE CASCADE ON UPDATE CASCADE;
