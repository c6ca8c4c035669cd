-- CreateEnum
CREATE TYPE "billing_mode" AS ENUM ('shadow', 'live');

-- AlterTable
ALTER TABLE "services" ADD COLUMN     "billing_mode" "billing_mode" NOT NULL DEFAULT 'live',
ADD COLUMN     "lago_api_key_sealed" TEXT,
ADD COLUMN     "lago_api_url" TEXT;
