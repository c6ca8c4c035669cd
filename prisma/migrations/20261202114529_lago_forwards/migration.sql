-- CreateEnum
CREATE TYPE "LagoForwardStatus" AS ENUM ('pending', 'delivered', 'dead');

-- CreateTable
CREATE TABLE "lago_forwards" (
    "id" UUID NOT NULL,
    "sequence" BIGSERIAL NOT NULL,
    "service_id" UUID NOT NULL,
    "customer_key" TEXT NOT NULL,
    "method" TEXT NOT NULL,
    "path" TEXT NOT NULL,
    "body" JSONB,
    "status" "LagoForwardStatus" NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "next_attempt_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_status" INTEGER,
    "last_error" TEXT,
    "lease_owner" TEXT,
    "lease_until" TIMESTAMPTZ(3),
    "delivered_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "lago_forwards_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "lago_forwards_status_next_attempt_at_idx" ON "lago_forwards"("status", "next_attempt_at");

-- CreateIndex
CREATE INDEX "lago_forwards_service_id_customer_key_sequence_idx" ON "lago_forwards"("service_id", "customer_key", "sequence");

-- AddForeignKey
ALTER TABLE "lago_forwards" ADD CONSTRAINT "lago_forwards_service_id_fkey" FOREIGN KEY ("service_id") REFERENCES "services"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
