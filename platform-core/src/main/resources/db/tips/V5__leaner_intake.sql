-- Tip intake, made cheaper (docs/benchmarks.md, "Tips": measured with perf on the backends of a
-- loaded node).
--
-- The INSERT roll-up trigger of V4, with the same counters, made cheaper in two ways:
-- - The batch's tips are grouped first by everything a counter depends on (unit, day, category,
--   status, breached: one group for a batch to one unit), and tip_rollup_rows expands each group
--   once with the group's count as its delta, instead of expanding every tip and summing after.
-- - The shard is computed inside the statement instead of in a PL/pgSQL variable. A statement
--   that references a variable has a parameter, and PL/pgSQL then lets the plan cache choose
--   between a generic and a custom plan per call; with the transition table's size changing from
--   batch to batch it kept choosing custom plans, i.e. planning the statement on every batch
--   (15 % of the backends' CPU). Without parameters the plan is made once per connection.
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
    INSERT INTO tip_rollup AS d (unit_path, dim, own, day, key, shard, n)
    SELECT unit_path, dim, own, day, key, (pg_backend_pid() % 16)::smallint, n FROM x
     -- Every writer locks counter rows in key order: concurrent batches cannot deadlock.
     ORDER BY 1, 2, 3, 4, 5
    ON CONFLICT (unit_path, dim, own, day, key, shard) DO UPDATE SET n = d.n + EXCLUDED.n)
  INSERT INTO tip_rollup_month AS m (unit_path, dim, month, key, shard, n)
  SELECT unit_path, dim, date_trunc('month', day)::date, key, (pg_backend_pid() % 16)::smallint, sum(n)
    FROM x WHERE NOT own
   GROUP BY 1, 2, 3, 4
   ORDER BY 1, 2, 3, 4
  ON CONFLICT (unit_path, dim, month, key, shard) DO UPDATE SET n = m.n + EXCLUDED.n;
  RETURN NULL;
END
$$;

-- The foreign keys from tip to tenant and to tip_category go. Each checked every inserted tip
-- with a query and a FOR KEY SHARE lock on the referenced row, and every tip of a batch (and of
-- the concurrent batches) references the same unit and the same few categories: hot rows locked
-- by every writer at once (shared row locks taken by several transactions become multixacts).
-- The application only writes a tip for a unit it just read from the tenant directory and a
-- category from tip_category (TipService refuses any other), and neither table loses a row:
-- units close (valid_to) and stay, categories are reference data changed by migrations. The
-- guards below make "never loses a row a tip refers to" a rule of the database.
ALTER TABLE tip DROP CONSTRAINT tip_tenant_id_fkey;
ALTER TABLE tip DROP CONSTRAINT tip_category_fkey;

CREATE FUNCTION tip_category_no_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'tip categories are never deleted (tips refer to them): %', OLD.id
    USING ERRCODE = 'restrict_violation';
END
$$;
CREATE TRIGGER tip_category_no_delete BEFORE DELETE ON tip_category
  FOR EACH ROW EXECUTE FUNCTION tip_category_no_delete();

-- A definer function: it must see every tip, whatever the deleting transaction's scope.
CREATE FUNCTION tenant_no_delete_with_tips() RETURNS trigger
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM tip WHERE tenant_id = OLD.id) THEN
    RAISE EXCEPTION 'unit % has tips and cannot be deleted (close it instead)', OLD.code
      USING ERRCODE = 'restrict_violation';
  END IF;
  RETURN OLD;
END
$$;
REVOKE ALL ON FUNCTION tenant_no_delete_with_tips() FROM PUBLIC;
CREATE TRIGGER tenant_no_delete_with_tips BEFORE DELETE ON tenant
  FOR EACH ROW EXECUTE FUNCTION tenant_no_delete_with_tips();

-- Webhook redeliveries are the same tip: one platform message id per source. Only platform tips
-- have one, so the unique index needs only their rows (a web or officer tip no longer adds an
-- entry to it). ON CONFLICT DO NOTHING without a target still takes it as an arbiter, and
-- tip_by_message's equality on the message id implies the index's predicate.
ALTER TABLE tip DROP CONSTRAINT tip_source_source_message_id_key;
CREATE UNIQUE INDEX tip_source_message ON tip (source, source_message_id)
  WHERE source_message_id IS NOT NULL;

-- The foreign key from tip_event to tip goes too (6.6 % of the backends' CPU at intake: a primary
-- key lookup for every event). An event is only ever inserted for a tip that exists: the first
-- one from the very row its tip's INSERT returns, the others by CaseService after reading (and
-- locking) their tip; and a tip is never deleted (tip_no_delete, V2). TipIntakeBatchIT checks
-- that no event lacks its tip after concurrent intake.
ALTER TABLE tip_event DROP CONSTRAINT tip_event_tip_id_fkey;
