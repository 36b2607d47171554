-- A month grain for subtree figures. A supervisor's roll-up over a year read one counter row per
-- day: 365 × 9 for the national figures by category, 35 units × 365 × 2 for the national
-- drill-down by province (about 25,000 rows, 7–14 ms), and more for a large province's communes.
-- tip_rollup_month holds the same subtree counters (own = false) by calendar month; readers take
-- whole months of a period from here and only the days at its two ends from tip_rollup (a year:
-- 12 rows instead of 365). Maintained by the same triggers, in the same transaction, so
--   sum(tip_rollup_month.n) = sum(tip_rollup.n) over the month's days, for every subtree counter,
-- at every commit (TipRollups.DIFF checks both tables against a GROUP BY over the tips).
CREATE TABLE tip_rollup_month (
  unit_path text     NOT NULL,
  dim       text     NOT NULL CHECK (dim IN ('t', 'c', 's', 'b')),
  month     date     NOT NULL CHECK (extract(day FROM month) = 1),
  key       text     NOT NULL,
  shard     smallint NOT NULL,
  n         bigint   NOT NULL,
  -- Every month read is one range of this key: a unit, a dimension, a run of months.
  PRIMARY KEY (unit_path, dim, month, key, shard)
);
GRANT SELECT ON tip_rollup_month TO binhyen_app;

-- INSERTs: the statement's tips summed once, written to days and (subtree rows) months.
CREATE OR REPLACE FUNCTION tip_rollup_insert_statement() RETURNS trigger
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
DECLARE
  s smallint := (pg_backend_pid() % 16)::smallint;
BEGIN
  WITH x AS (
    SELECT r.unit_path, r.dim, r.own, r.day, r.key, sum(r.n) AS n
      FROM inserted_tips t
     CROSS JOIN LATERAL tip_rollup_rows(t.tenant_path, t.received_day, t.category, t.status,
                                        t.sla_breached, 1) r
     GROUP BY 1, 2, 3, 4, 5),
  days AS (
    INSERT INTO tip_rollup AS d (unit_path, dim, own, day, key, shard, n)
    SELECT unit_path, dim, own, day, key, s, n FROM x
     ORDER BY 1, 2, 3, 4, 5
    ON CONFLICT (unit_path, dim, own, day, key, shard) DO UPDATE SET n = d.n + EXCLUDED.n)
  INSERT INTO tip_rollup_month AS m (unit_path, dim, month, key, shard, n)
  SELECT unit_path, dim, date_trunc('month', day)::date, key, s, sum(n)
    FROM x WHERE NOT own
   GROUP BY 1, 2, 3, 4
   ORDER BY 1, 2, 3, 4
  ON CONFLICT (unit_path, dim, month, key, shard) DO UPDATE SET n = m.n + EXCLUDED.n;
  RETURN NULL;
END
$$;

-- UPDATEs (row trigger of V2): the old contribution -1 and the new +1, netted per day and per
-- month (a tip moved to another day of the same month changes days, not the month).
CREATE OR REPLACE FUNCTION tip_rollup_trigger() RETURNS trigger
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
DECLARE
  s smallint := (pg_backend_pid() % 16)::smallint;
BEGIN
  WITH x AS (
    SELECT * FROM tip_rollup_rows(OLD.tenant_path, OLD.received_day, OLD.category, OLD.status,
                                  OLD.sla_breached, -1)
    UNION ALL
    SELECT * FROM tip_rollup_rows(NEW.tenant_path, NEW.received_day, NEW.category, NEW.status,
                                  NEW.sla_breached, 1)),
  days AS (
    INSERT INTO tip_rollup AS d (unit_path, dim, own, day, key, shard, n)
    SELECT unit_path, dim, own, day, key, s, sum(n) FROM x
     GROUP BY 1, 2, 3, 4, 5
    HAVING sum(n) <> 0
     ORDER BY 1, 2, 3, 4, 5
    ON CONFLICT (unit_path, dim, own, day, key, shard) DO UPDATE SET n = d.n + EXCLUDED.n)
  INSERT INTO tip_rollup_month AS m (unit_path, dim, month, key, shard, n)
  SELECT unit_path, dim, date_trunc('month', day)::date, key, s, sum(n)
    FROM x WHERE NOT own
   GROUP BY 1, 2, 3, 4
  HAVING sum(n) <> 0
   ORDER BY 1, 2, 3, 4
  ON CONFLICT (unit_path, dim, month, key, shard) DO UPDATE SET n = m.n + EXCLUDED.n;
  RETURN NULL;
END
$$;

-- Folds the shards of days before p_before into shard 0, and of months that ended before it.
CREATE OR REPLACE FUNCTION tip_rollup_compact(p_before date) RETURNS bigint
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
DECLARE
  moved bigint;
BEGIN
  WITH gone AS (
    DELETE FROM tip_rollup WHERE shard <> 0 AND day < p_before
    RETURNING unit_path, dim, own, day, key, n)
  INSERT INTO tip_rollup AS r (unit_path, dim, own, day, key, shard, n)
  SELECT unit_path, dim, own, day, key, 0, sum(n) FROM gone
   GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2, 3, 4, 5
  ON CONFLICT (unit_path, dim, own, day, key, shard) DO UPDATE SET n = r.n + EXCLUDED.n;
  GET DIAGNOSTICS moved = ROW_COUNT;
  DELETE FROM tip_rollup WHERE n = 0 AND day < p_before;
  WITH gone AS (
    DELETE FROM tip_rollup_month WHERE shard <> 0 AND month < date_trunc('month', p_before)::date
    RETURNING unit_path, dim, month, key, n)
  INSERT INTO tip_rollup_month AS m (unit_path, dim, month, key, shard, n)
  SELECT unit_path, dim, month, key, 0, sum(n) FROM gone
   GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4
  ON CONFLICT (unit_path, dim, month, key, shard) DO UPDATE SET n = m.n + EXCLUDED.n;
  DELETE FROM tip_rollup_month WHERE n = 0 AND month < date_trunc('month', p_before)::date;
  RETURN moved;
END
$$;

-- Rebuilds every counter from the tips (after a bulk load with the trigger disabled): the days as
-- before (V2's function, renamed), then the months from the days.
ALTER FUNCTION tip_rollup_rebuild() RENAME TO tip_rollup_rebuild_days;
REVOKE ALL ON FUNCTION tip_rollup_rebuild_days() FROM PUBLIC;
CREATE FUNCTION tip_rollup_rebuild() RETURNS void
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
BEGIN
  PERFORM tip_rollup_rebuild_days();
  DELETE FROM tip_rollup_month;
  INSERT INTO tip_rollup_month (unit_path, dim, month, key, shard, n)
  SELECT unit_path, dim, date_trunc('month', day)::date, key, 0, sum(n)
    FROM tip_rollup WHERE NOT own
   GROUP BY 1, 2, 3, 4;
END
$$;
REVOKE ALL ON FUNCTION tip_rollup_rebuild() FROM PUBLIC;

-- The months of the counters already there.
INSERT INTO tip_rollup_month (unit_path, dim, month, key, shard, n)
SELECT unit_path, dim, date_trunc('month', day)::date, key, 0, sum(n)
  FROM tip_rollup WHERE NOT own
 GROUP BY 1, 2, 3, 4
HAVING sum(n) <> 0;
