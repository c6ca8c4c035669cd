-- AlterTable
ALTER TABLE "services" ADD COLUMN     "cutover_at" TIMESTAMPTZ(3);
