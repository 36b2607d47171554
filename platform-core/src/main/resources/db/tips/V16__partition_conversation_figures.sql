-- The conversation figures (V12) partitioned by province like the other roll-ups (issue 15 item 2;
-- docs/tips.md "Partitioning"): tip_conversation_rollup LIST (province), the counter row's own
-- unit's key ('' for the ministry), part of the primary key; one partition per province, one for
-- the ministry and a default one, created with the province by tip_partitions_add (V15), which now
-- also makes this table's. Every reader names the province, so a unit's figures come from one
-- partition (TipPartitionIT). tips V15 partitioned tip, tip_event and tip_rollup(_month).

CREATE TABLE tip_conversation_rollup_partitioned (
  LIKE tip_conversation_rollup INCLUDING DEFAULTS INCLUDING CONSTRAINTS,
  province text NOT NULL)
  PARTITION BY LIST (province);

-- V15's function with the fifth table (same rules: the parent may still carry the suffix while
-- this migration runs; rows of the key already in the default partition move into the new one).
CREATE OR REPLACE FUNCTION tip_partitions_add(p_key text) RETURNS void
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
DECLARE
  base text;
  parent text;
  part text;
BEGIN
  IF p_key !~ '^[0-9A-Za-z]*$' THEN
    RAISE EXCEPTION 'not a province code: %', p_key USING ERRCODE = 'invalid_parameter_value';
  END IF;
  FOREACH base IN ARRAY ARRAY['tip', 'tip_event', 'tip_rollup', 'tip_rollup_month', 'tip_conversation_rollup'] LOOP
    parent := CASE WHEN to_regclass(base || '_partitioned') IS NOT NULL THEN base || '_partitioned' ELSE base END;
    part := base || '_p' || CASE WHEN p_key = '' THEN '_national' ELSE p_key END;
    CONTINUE WHEN to_regclass(part) IS NOT NULL;
    EXECUTE format('CREATE TABLE %I (LIKE %I INCLUDING DEFAULTS INCLUDING CONSTRAINTS)', part, parent);
    IF to_regclass(base || '_default') IS NOT NULL THEN
      EXECUTE format('WITH moved AS (DELETE FROM %I WHERE %s = %L RETURNING *) INSERT INTO %I SELECT * FROM moved',
          base || '_default', tip_partition_key(base), p_key, part);
    END IF;
    EXECUTE format('ALTER TABLE %I ATTACH PARTITION %I FOR VALUES IN (%L)', parent, part, p_key);
  END LOOP;
END
$$;
REVOKE ALL ON FUNCTION tip_partitions_add(text) FROM PUBLIC;

CREATE TABLE tip_conversation_rollup_default PARTITION OF tip_conversation_rollup_partitioned DEFAULT;
-- The four tables of V15 have their partitions already: only this table's are made.
SELECT tip_partitions_add('');
SELECT tip_partitions_add(code) FROM (SELECT DISTINCT code FROM tenant WHERE level = 'province') p;

INSERT INTO tip_conversation_rollup_partitioned
SELECT r.*, split_part(r.unit_path, '/', 2) FROM tip_conversation_rollup r;
DROP TABLE tip_conversation_rollup;
ALTER TABLE tip_conversation_rollup_partitioned RENAME TO tip_conversation_rollup;
-- A unit's period is one range of this key (the province is the unit's own).
ALTER TABLE tip_conversation_rollup ADD PRIMARY KEY (unit_path, own, day, key, shard, province);
GRANT SELECT ON tip_conversation_rollup TO binhyen_app;

-- V12/V13's writers with the key (same rows; the conflict target gains the province).
CREATE OR REPLACE FUNCTION tip_conversation_add_n(p_path text, p_day date, p_key text, p_n bigint) RETURNS void
  LANGUAGE sql SECURITY DEFINER SET search_path = public AS $$
  INSERT INTO tip_conversation_rollup AS r (unit_path, own, day, key, shard, province, n)
  SELECT x.unit_path, x.own, p_day, p_key, (pg_backend_pid() % 16)::smallint, split_part(x.unit_path, '/', 2), p_n
    FROM (SELECT array_to_string(p.a[1:i], '/') AS unit_path, false AS own
            FROM (SELECT string_to_array(p_path, '/') AS a) p, generate_series(1, cardinality(p.a)) AS i
          UNION ALL
          SELECT p_path, true) x
   ORDER BY 1, 2
  ON CONFLICT (unit_path, own, day, key, shard, province) DO UPDATE SET n = r.n + EXCLUDED.n
$$;
CREATE OR REPLACE FUNCTION tip_conversation_add(p_path text, p_day date, p_key text) RETURNS void
  LANGUAGE sql SECURITY DEFINER SET search_path = public AS $$
  SELECT tip_conversation_add_n(p_path, p_day, p_key, 1)
$$;
