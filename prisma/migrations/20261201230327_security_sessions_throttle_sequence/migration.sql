-- Customer sequential_id per service (Lago numbers customers per organization), instead of
-- one counter across services that leaked every service's customer count. Existing numbers
-- are kept (globally unique, so unique per service); each service continues from its max.
DROP INDEX "account_links_sequential_id_key";

ALTER TABLE "account_links" ALTER COLUMN "sequential_id" DROP DEFAULT;
DROP SEQUENCE "account_links_sequential_id_seq";
ALTER TABLE "account_links" ALTER COLUMN "sequential_id" SET DEFAULT 0;

ALTER TABLE "services" ADD COLUMN     "customer_sequence" INTEGER NOT NULL DEFAULT 0;
UPDATE "services" s SET "customer_sequence" = COALESCE((SELECT max(a."sequential_id") FROM "account_links" a WHERE a."service_id" = s."id"), 0);

CREATE UNIQUE INDEX "account_links_service_id_sequential_id_key" ON "account_links"("service_id", "sequential_id");

-- The next number of the account's service, taken under that service row's lock, so
-- concurrent inserts for one service never share a number.
CREATE FUNCTION assign_customer_sequential_id() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "services" SET "customer_sequence" = "customer_sequence" + 1 WHERE "id" = NEW."service_id"
    RETURNING "customer_sequence" INTO NEW."sequential_id";
  RETURN NEW;
END;
$$;

CREATE TRIGGER "account_links_assign_sequential_id" BEFORE INSERT ON "account_links"
  FOR EACH ROW EXECUTE FUNCTION assign_customer_sequential_id();

-- Console sessions carry the user's session version; bumping it revokes them.
ALTER TABLE "users" ADD COLUMN     "session_version" INTEGER NOT NULL DEFAULT 0;

CREATE TABLE "sign_in_throttles" (
    "key" TEXT NOT NULL,
    "attempts" INTEGER NOT NULL,
    "last_attempt_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "sign_in_throttles_pkey" PRIMARY KEY ("key")
);
