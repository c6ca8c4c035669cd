-- AlterTable
ALTER TABLE "services" ADD COLUMN     "gate_periods" INTEGER NOT NULL DEFAULT 3,
ADD COLUMN     "gate_tolerance_cents" INTEGER NOT NULL DEFAULT 0;
