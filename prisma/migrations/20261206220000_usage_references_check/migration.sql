-- Aborts the ingestion statement whose check of the references an app process took from
-- its cache found one changed (server/usage/insert-events.ts computes `current` in the
-- statement, from its own snapshot; event-references-cache.ts explains the cache). The
-- process then prepares the request again from references it looks up. VOLATILE: the
-- planner keeps a call whose result nothing reads only for a volatile function.
CREATE FUNCTION usage_references_current(current boolean) RETURNS boolean LANGUAGE plpgsql VOLATILE AS $$
BEGIN
  IF current IS NOT TRUE THEN
    RAISE EXCEPTION 'usage references changed since they were cached';
  END IF;
  RETURN true;
END;
$$;
