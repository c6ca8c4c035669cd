-- CreateEnum
CREATE TYPE "webhook_signature" AS ENUM ('jwt', 'hmac');

-- AlterTable
-- Services registered before this column verify the HMAC signature they were sent so
-- far: they keep it. New services get Lago's default, jwt.
ALTER TABLE "services" ADD COLUMN     "webhook_signature" "webhook_signature" NOT NULL DEFAULT 'hmac';
ALTER TABLE "services" ALTER COLUMN "webhook_signature" SET DEFAULT 'jwt';
