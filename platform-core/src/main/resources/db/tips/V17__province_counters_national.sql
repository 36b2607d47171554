-- The counters of the ministry and of the provinces live in the national partition (issue 15,
-- national roll-up; docs/tips.md "Partitioning"). tips V16 partitioned the conversation figures.
--
-- V15/V16 put every counter row in its own unit's province partition, so the nation's drill-down
-- (its 34 provinces' subtree figures) opened, planned and probed 34 partitions of each counter
-- table: about 6 ms of the database's time for some 800 rows. A province's counters are read with
-- the nation's (the national drill-down) and with its own communes' (its drill-down); they are
-- now kept with the nation's, so the national drill-down reads one partition and a province's
-- drill-down two (the national one for the province itself, its own for its communes). Only the
-- counter tables change (tip_rollup, tip_rollup_month, tip_conversation_rollup); tips and their
-- events stay in their province's partition.
--
-- The key of a counter row: its unit's province code for a unit below a province
-- ('BCA/01/00004' -> '01'), '' (the national partition) for the ministry and the provinces
-- themselves ('BCA', 'BCA/01'). Readers name it with the same function, so they still scan only
-- the partitions they need (RollupPartitionIT).
CREATE FUNCTION tip_counter_province(p_path text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE WHEN p_path LIKE '%/%/%' THEN split_part(p_path, '/', 2) ELSE '' END
$$;
GRANT EXECUTE ON FUNCTION tip_counter_province(text) TO binhyen_app;

-- The existing provinces' counters move to the national partition (an UPDATE of the partition
-- key moves each row; no national row of a province exists yet, so nothing collides).
UPDATE tip_rollup SET province = '' WHERE province <> '' AND unit_path NOT LIKE '%/%/%';
UPDATE tip_rollup_month SET province = '' WHERE province <> '' AND unit_path NOT LIKE '%/%/%';
UPDATE tip_conversation_rollup SET province = '' WHERE province <> '' AND unit_path NOT LIKE '%/%/%';

-- The writers of V15 and V16 with the new key (otherwise unchanged).
CREATE OR REPLACE FUNCTION tip_rollup_insert_statement() RETURNS trigger
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
BEGIN
  WITH g AS (
    SELECT tenant_path, received_day, category, status, sla_breached, count(*)::int AS n
      FROM inserted_tips
     GROUP BY 1, 2, 3, 4, 5),
  x AS (
    SELECT r.unit_path, r.dim, r.own, r.day, r.key, sum(r.n) AS n
      FROM g
     CROSS JOIN LATERAL tip_rollup_rows(g.tenant_path, g.received_day, g.category, g.status,
                                        g.sla_breached, g.n) r
     GROUP BY 1, 2, 3, 4, 5),
  days AS (
    INSERT INTO tip_rollup AS d (unit_path, dim, own, day, key, shard, province, n)
    SELECT unit_path, dim, own, day, key, (pg_backend_pid() % 16)::smallint, tip_counter_province(unit_path), n FROM x
     -- Every writer locks counter rows in key order: concurrent batches cannot deadlock.
     ORDER BY 1, 2, 3, 4, 5
    ON CONFLICT (unit_path, dim, own, day, key, shard, province) DO UPDATE SET n = d.n + EXCLUDED.n)
  INSERT INTO tip_rollup_month AS m (unit_path, dim, month, key, shard, province, n)
  SELECT unit_path, dim, date_trunc('month', day)::date, key, (pg_backend_pid() % 16)::smallint,
         tip_counter_province(unit_path), sum(n)
    FROM x WHERE NOT own
   GROUP BY 1, 2, 3, 4
   ORDER BY 1, 2, 3, 4
  ON CONFLICT (unit_path, dim, month, key, shard, province) DO UPDATE SET n = m.n + EXCLUDED.n;
  RETURN NULL;
END
$$;

CREATE OR REPLACE FUNCTION tip_rollup_apply(p_old_path text[], p_new_path text[], p_old_day date[], p_new_day date[],
    p_old_category text[], p_new_category text[], p_old_status text[], p_new_status text[],
    p_old_breached boolean[], p_new_breached boolean[], p_n int[]) RETURNS void
  LANGUAGE sql SECURITY DEFINER SET search_path = public AS $$
  WITH g AS (
    SELECT * FROM unnest(p_old_path, p_new_path, p_old_day, p_new_day, p_old_category, p_new_category,
                         p_old_status, p_new_status, p_old_breached, p_new_breached, p_n)
      AS g (op, np, od, nd, oc, nc, os, ns, ob, nb, n)),
  x AS (
    SELECT r.unit_path, r.dim, r.own, r.day, r.key, sum(r.n) AS n FROM (
      SELECT o.* FROM g CROSS JOIN LATERAL tip_rollup_rows(g.op, g.od, g.oc, g.os, g.ob, -g.n) o
      UNION ALL
      SELECT w.* FROM g CROSS JOIN LATERAL tip_rollup_rows(g.np, g.nd, g.nc, g.ns, g.nb, g.n) w) r
     GROUP BY 1, 2, 3, 4, 5
    HAVING sum(r.n) <> 0),
  days AS (
    INSERT INTO tip_rollup AS d (unit_path, dim, own, day, key, shard, province, n)
    SELECT unit_path, dim, own, day, key, (pg_backend_pid() % 16)::smallint, tip_counter_province(unit_path), n FROM x
     ORDER BY 1, 2, 3, 4, 5
    ON CONFLICT (unit_path, dim, own, day, key, shard, province) DO UPDATE SET n = d.n + EXCLUDED.n)
  INSERT INTO tip_rollup_month AS m (unit_path, dim, month, key, shard, province, n)
  SELECT unit_path, dim, date_trunc('month', day)::date, key, (pg_backend_pid() % 16)::smallint,
         tip_counter_province(unit_path), sum(n)
    FROM x WHERE NOT own
   GROUP BY 1, 2, 3, 4
  HAVING sum(n) <> 0
   ORDER BY 1, 2, 3, 4
  ON CONFLICT (unit_path, dim, month, key, shard, province) DO UPDATE SET n = m.n + EXCLUDED.n
$$;

CREATE OR REPLACE FUNCTION tip_rollup_rebuild_days() RETURNS void
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
BEGIN
  DELETE FROM tip_rollup;
  WITH own_rows AS (
    SELECT tenant_path AS unit_path, 't'::text AS dim, received_day AS day, '' AS key, count(*) AS n
      FROM tip GROUP BY 1, 3
    UNION ALL
    SELECT tenant_path, 'c', received_day, category, count(*) FROM tip GROUP BY 1, 3, 4
    UNION ALL
    SELECT tenant_path, 's', received_day, status, count(*) FROM tip GROUP BY 1, 3, 4
    UNION ALL
    SELECT tenant_path, 'b', received_day, '', count(*) FROM tip WHERE sla_breached GROUP BY 1, 3),
  rows AS (
    SELECT unit_path, dim, true AS own, day, key, n FROM own_rows
    UNION ALL
    SELECT array_to_string((string_to_array(o.unit_path, '/'))[1:i], '/'), o.dim, false, o.day, o.key, sum(o.n)
      FROM own_rows o, generate_series(1, cardinality(string_to_array(o.unit_path, '/'))) AS i
     GROUP BY 1, 2, 4, 5)
  INSERT INTO tip_rollup (unit_path, dim, own, day, key, shard, province, n)
  SELECT unit_path, dim, own, day, key, 0, tip_counter_province(unit_path), n FROM rows;
END
$$;

CREATE OR REPLACE FUNCTION tip_conversation_add_n(p_path text, p_day date, p_key text, p_n bigint) RETURNS void
  LANGUAGE sql SECURITY DEFINER SET search_path = public AS $$
  INSERT INTO tip_conversation_rollup AS r (unit_path, own, day, key, shard, province, n)
  SELECT x.unit_path, x.own, p_day, p_key, (pg_backend_pid() % 16)::smallint, tip_counter_province(x.unit_path), p_n
    FROM (SELECT array_to_string(p.a[1:i], '/') AS unit_path, false AS own
            FROM (SELECT string_to_array(p_path, '/') AS a) p, generate_series(1, cardinality(p.a)) AS i
          UNION ALL
          SELECT p_path, true) x
   ORDER BY 1, 2
  ON CONFLICT (unit_path, own, day, key, shard, province) DO UPDATE SET n = r.n + EXCLUDED.n
$$;
