-- AlterTable
ALTER TABLE "lago_import_runs" ADD COLUMN     "scope" TEXT NOT NULL DEFAULT 'full';
