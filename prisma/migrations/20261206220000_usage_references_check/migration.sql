-- The ingestion statement's check of the references an app process took from its cache
-- (server/usage/event-references-cache.ts): the service's billing mode, and each named
-- subscription and metric with every field event preparation reads, as they are when the
-- statement runs. Any difference aborts the statement, which the process then repeats
-- with references it looks up. VOLATILE: the planner keeps a call whose result nothing
-- reads only for a volatile function (and its queries then see what committed up to the
-- call, fresher than a lookup made before the statement).
CREATE FUNCTION usage_references_current(expected jsonb, service uuid) RETURNS boolean LANGUAGE plpgsql VOLATILE AS $$
BEGIN
  IF expected IS NULL THEN
    RETURN true;
  END IF;
  IF (SELECT v.billing_mode::text FROM services v WHERE v.id = service) IS DISTINCT FROM expected->>'billing_mode'
    OR (SELECT count(*)
        FROM jsonb_to_recordset(expected->'subscriptions')
          AS x(id uuid, external_id text, account_link_id uuid, subscription_at timestamptz, odoo_closed_at timestamptz)
        JOIN subscriptions s ON s.id = x.id AND s.service_id = service AND s.external_id = x.external_id
          AND s.account_link_id = x.account_link_id AND s.subscription_at = x.subscription_at
          AND s.odoo_closed_at IS NOT DISTINCT FROM x.odoo_closed_at) <> jsonb_array_length(expected->'subscriptions')
    OR (SELECT count(*)
        FROM jsonb_to_recordset(expected->'metrics') AS x(code text, aggregation_type text, field_name text)
        JOIN billable_metrics m ON m.code = x.code AND m.aggregation_type::text = x.aggregation_type
          AND m.field_name IS NOT DISTINCT FROM x.field_name
          AND (m.owner_service_id IS NULL OR m.owner_service_id = service)) <> jsonb_array_length(expected->'metrics')
  THEN
    RAISE EXCEPTION 'usage references changed since they were cached';
  END IF;
  RETURN true;
END;
$$;
