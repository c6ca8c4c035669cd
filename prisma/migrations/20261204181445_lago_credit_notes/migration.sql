-- CreateTable
CREATE TABLE "lago_credit_notes" (
    "id" UUID NOT NULL,
    "lago_id" TEXT NOT NULL,
    "service_id" UUID NOT NULL,
    "number" TEXT NOT NULL,
    "lago_invoice_id" TEXT NOT NULL,
    "issuing_date" TEXT NOT NULL,
    "credit_status" TEXT,
    "currency" TEXT NOT NULL,
    "total_amount_cents" BIGINT NOT NULL,
    "raw" JSONB NOT NULL,
    "imported_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "lago_credit_notes_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "lago_credit_note_items" (
    "id" UUID NOT NULL,
    "credit_note_id" UUID NOT NULL,
    "lago_id" TEXT,
    "fee_lago_id" TEXT,
    "item_type" TEXT NOT NULL,
    "item_code" TEXT NOT NULL,
    "external_customer_id" TEXT NOT NULL,
    "external_subscription_id" TEXT,
    "amount_cents" BIGINT NOT NULL,
    "currency" TEXT NOT NULL,
    "from_date" TIMESTAMPTZ(3),
    "raw" JSONB NOT NULL,

    CONSTRAINT "lago_credit_note_items_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "lago_credit_notes_lago_id_key" ON "lago_credit_notes"("lago_id");

-- CreateIndex
CREATE INDEX "lago_credit_notes_service_id_idx" ON "lago_credit_notes"("service_id");

-- CreateIndex
CREATE INDEX "lago_credit_note_items_credit_note_id_idx" ON "lago_credit_note_items"("credit_note_id");

-- CreateIndex
CREATE INDEX "lago_credit_note_items_from_date_idx" ON "lago_credit_note_items"("from_date");

-- AddForeignKey
ALTER TABLE "lago_credit_note_items" ADD CONSTRAINT "lago_credit_note_items_credit_note_id_fkey" FOREIGN KEY ("credit_note_id") REFERENCES "lago_credit_notes"("id") ON DELETE CASCADE ON UPDATE CASCADE;
