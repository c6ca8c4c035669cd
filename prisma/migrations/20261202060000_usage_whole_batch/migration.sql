-- Ingestion stores a batch in one autocommit statement and needs it all or nothing: when
-- some of its transaction ids are stored already (retries, perhaps with other content),
-- the statement calls this to abort itself, undoing its own writes, and the hub goes the
-- slower transactional way that tells retries from conflicts.
-- A null `expected` checks nothing (a caller that takes partial batches).
CREATE FUNCTION usage_whole_batch_claimed(claimed bigint, expected bigint) RETURNS bigint LANGUAGE plpgsql VOLATILE AS $$
BEGIN
  IF expected IS NOT NULL AND claimed <> expected THEN
    RAISE EXCEPTION 'usage batch partly stored already (% of % ids new)', claimed, expected;
  END IF;
  RETURN claimed;
END;
$$;
