-- AlterTable
ALTER TABLE "account_links" ADD COLUMN     "net_payment_term" INTEGER,
ADD COLUMN     "shipping_address_line1" TEXT,
ADD COLUMN     "shipping_address_line2" TEXT,
ADD COLUMN     "shipping_city" TEXT,
ADD COLUMN     "shipping_country" TEXT,
ADD COLUMN     "shipping_state" TEXT,
ADD COLUMN     "shipping_zipcode" TEXT;
