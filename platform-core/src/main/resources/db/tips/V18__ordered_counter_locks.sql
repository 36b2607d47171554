-- The SLA sweep and the shard compaction lock counter rows in key order, as every other writer
-- does (docs/tips.md "Roll-ups"). tips V17 moved the provinces' counters to the national partition.
--
-- Every writer of tip_rollup(_month) upserts its rows sorted by key, so two writers never wait on
-- each other in a cycle. Two did not:
--   - the SLA sweep was one UPDATE of every overdue tip, whose row trigger adjusted the counters
--     tip by tip, in the order the tips were found;
--   - tip_rollup_compact deleted the old shards in the order the table was scanned.
-- Either could deadlock with an officer's update of a tip on a counter row of the same shard
-- (TipRollupIT logged "SLA sweep failed: deadlock detected" once), and PostgreSQL then aborts one
-- of the two transactions, possibly the officer's.

-- The sweep, set-based like tip_reorg_move: the overdue tips are flagged with the row trigger
-- skipped, then their counters adjusted once, grouped and in key order (tip_rollup_apply). Runs in
-- the caller's scope (row-level security applies to the owner too: FORCE). Answers the tips flagged.
CREATE FUNCTION tip_sla_sweep(p_now timestamptz) RETURNS bigint
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
DECLARE
  flagged bigint;
  paths text[];
  days date[];
  categories text[];
  statuses text[];
  counts int[];
BEGIN
  PERFORM set_config('binhyen.rollup_bulk', 'on', true);
  WITH t AS (
    UPDATE tip SET sla_breached = true, updated_at = now()
     WHERE first_response_at IS NULL AND NOT sla_breached AND sla_due_at < p_now
    RETURNING tenant_path, received_day, category, status),
  g AS (SELECT tenant_path, received_day, category, status, count(*)::int AS n FROM t GROUP BY 1, 2, 3, 4)
  SELECT array_agg(tenant_path), array_agg(received_day), array_agg(category), array_agg(status),
         array_agg(n), coalesce(sum(n), 0)
    INTO paths, days, categories, statuses, counts, flagged
    FROM g;
  PERFORM set_config('binhyen.rollup_bulk', 'off', true);
  IF flagged > 0 THEN
    PERFORM tip_rollup_apply(paths, paths, days, days, categories, categories, statuses, statuses,
        array_fill(false, ARRAY[cardinality(counts)]), array_fill(true, ARRAY[cardinality(counts)]), counts);
  END IF;
  RETURN flagged;
END
$$;
REVOKE ALL ON FUNCTION tip_sla_sweep(timestamptz) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION tip_sla_sweep(timestamptz) TO binhyen_app;

-- V15's compaction with its rows locked in key order (same result: the shards of days before
-- p_before, and of months that ended before it, folded into shard 0). The rows to fold are locked
-- first, sorted, in the statement that deletes them; the shard-0 rows they fold into are upserted
-- sorted; only folded rows left at 0 are removed (other zeros are harmless: readers sum, and the
-- next fold of their key removes them). Lock order: shards 1-15 ascending, then shard 0
-- ascending; every other writer locks the rows of one shard ascending, so no cycle can form.
CREATE OR REPLACE FUNCTION tip_rollup_compact(p_before date) RETURNS bigint
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
DECLARE
  moved bigint;
  months bigint;
  z_path text[];
  z_dim text[];
  z_own boolean[];
  z_day date[];
  z_key text[];
  z_province text[];
BEGIN
  WITH locked AS MATERIALIZED (
    SELECT unit_path, dim, own, day, key, shard, province FROM tip_rollup
     WHERE shard <> 0 AND day < p_before
     ORDER BY unit_path, dim, own, day, key, shard, province FOR UPDATE),
  gone AS (
    DELETE FROM tip_rollup r USING locked l
     WHERE r.unit_path = l.unit_path AND r.dim = l.dim AND r.own = l.own AND r.day = l.day AND r.key = l.key
       AND r.shard = l.shard AND r.province = l.province
    RETURNING r.unit_path, r.dim, r.own, r.day, r.key, r.province, r.n),
  folded AS (
    INSERT INTO tip_rollup AS r (unit_path, dim, own, day, key, shard, province, n)
    SELECT unit_path, dim, own, day, key, 0, province, sum(n) FROM gone
     GROUP BY 1, 2, 3, 4, 5, 7 ORDER BY 1, 2, 3, 4, 5, 7
    ON CONFLICT (unit_path, dim, own, day, key, shard, province) DO UPDATE SET n = r.n + EXCLUDED.n
    RETURNING r.unit_path, r.dim, r.own, r.day, r.key, r.province, r.n)
  SELECT count(*), array_agg(unit_path) FILTER (WHERE n = 0), array_agg(dim) FILTER (WHERE n = 0),
         array_agg(own) FILTER (WHERE n = 0), array_agg(day) FILTER (WHERE n = 0),
         array_agg(key) FILTER (WHERE n = 0), array_agg(province) FILTER (WHERE n = 0)
    INTO moved, z_path, z_dim, z_own, z_day, z_key, z_province
    FROM folded;
  DELETE FROM tip_rollup r USING unnest(z_path, z_dim, z_own, z_day, z_key, z_province) AS z (unit_path, dim, own, day, key, province)
   WHERE r.unit_path = z.unit_path AND r.dim = z.dim AND r.own = z.own AND r.day = z.day AND r.key = z.key
     AND r.shard = 0 AND r.province = z.province AND r.n = 0;

  WITH locked AS MATERIALIZED (
    SELECT unit_path, dim, month, key, shard, province FROM tip_rollup_month
     WHERE shard <> 0 AND month < date_trunc('month', p_before)::date
     ORDER BY unit_path, dim, month, key, shard, province FOR UPDATE),
  gone AS (
    DELETE FROM tip_rollup_month m USING locked l
     WHERE m.unit_path = l.unit_path AND m.dim = l.dim AND m.month = l.month AND m.key = l.key
       AND m.shard = l.shard AND m.province = l.province
    RETURNING m.unit_path, m.dim, m.month, m.key, m.province, m.n),
  folded AS (
    INSERT INTO tip_rollup_month AS m (unit_path, dim, month, key, shard, province, n)
    SELECT unit_path, dim, month, key, 0, province, sum(n) FROM gone
     GROUP BY 1, 2, 3, 4, 6 ORDER BY 1, 2, 3, 4, 6
    ON CONFLICT (unit_path, dim, month, key, shard, province) DO UPDATE SET n = m.n + EXCLUDED.n
    RETURNING m.unit_path, m.dim, m.month, m.key, m.province, m.n)
  SELECT count(*), array_agg(unit_path) FILTER (WHERE n = 0), array_agg(dim) FILTER (WHERE n = 0),
         array_agg(month) FILTER (WHERE n = 0), array_agg(key) FILTER (WHERE n = 0),
         array_agg(province) FILTER (WHERE n = 0)
    INTO months, z_path, z_dim, z_day, z_key, z_province
    FROM folded;
  DELETE FROM tip_rollup_month m USING unnest(z_path, z_dim, z_day, z_key, z_province) AS z (unit_path, dim, month, key, province)
   WHERE m.unit_path = z.unit_path AND m.dim = z.dim AND m.month = z.month AND m.key = z.key
     AND m.shard = 0 AND m.province = z.province AND m.n = 0;
  RETURN moved;
END
$$;
