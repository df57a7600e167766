-- Order keys become the md5 of the text key they were, as a uuid: the merge computes new keys the
-- same way (md5 of 'o:<order id>:<n>' or 'f:<md5 of fingerprint>:<n>', plus ':refund'), so files
-- imported before this migration still deduplicate against their orders. The unique index on
-- (workspace_id, external_key) is rebuilt on the new type.
ALTER TABLE "orders" ALTER COLUMN "external_key" SET DATA TYPE uuid USING md5("external_key")::uuid;
