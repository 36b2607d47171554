-- Tips, their events and the roll-up counters partitioned by province (issue 15 item 2;
-- docs/tips.md "Partitioning"). tips V14 is conversation day moves.
--
-- The province key is the second segment of a path ('BCA/01/00004' → '01'; the ministry's own
-- rows, path 'BCA', have the key ''):
--   tip               LIST (split_part(tenant_path, '/', 2)): an expression of the handling
--                     unit's path, so every writer (and a plain INSERT) lands in the right
--                     partition and an UPDATE of tenant_path to another province moves the row;
--   tip_event         LIST (province): the column is its tip's key (set by every INSERT, moved
--                     with the tip by the roll-up trigger below or by tip_reorg_move);
--   tip_rollup(_month) LIST (province): the counter row's own unit's key, part of the primary key.
-- One partition per province (<table>_p<code>, created with the province by a trigger on
-- tenant), one for the ministry (<table>_p_national) and a default one, so no row is ever refused.
-- Every unit-scoped query names the key, so PostgreSQL scans one partition (TipPartitionIT).
--
-- A partitioned table's unique indexes must contain its key, and an expression key allows none:
--   - tip.id stays unique by its sequence (indexed, not constrained);
--   - receipts and platform message ids are unique nationally through the claim tables
--     tip_receipt and tip_message, written by intake in the statement that inserts the tips;
--   - the foreign keys into tip and tip_event (from tip_attachment and tip_reply_delivery) go, as
--     V5 dropped tip_event's: those rows are only written for a tip just read or inserted, and tips
--     are never deleted.
-- Existing rows are carried over: new tables created, rows copied, old tables dropped, names
-- swapped, then indexes, row-level security, triggers and grants recreated as V1–V14 made them.
-- tip_conversation_rollup (V12) is not partitioned here (small: conversation tips only).

-- 1. What depends on the old tables.
DROP POLICY tip_attachment_scope ON tip_attachment;
DROP POLICY tip_reply_delivery_scope ON tip_reply_delivery;
ALTER TABLE tip_attachment DROP CONSTRAINT tip_attachment_tip_id_fkey;
ALTER TABLE tip_reply_delivery DROP CONSTRAINT tip_reply_delivery_tip_id_fkey;
ALTER TABLE tip_reply_delivery DROP CONSTRAINT tip_reply_delivery_event_id_fkey;
ALTER TABLE tip_attachment DROP CONSTRAINT tip_attachment_reply_event_id_fkey;

-- 2. The partitioned tables, same columns (and defaults: the same sequences) and checks.
CREATE TABLE tip_partitioned (LIKE tip INCLUDING DEFAULTS INCLUDING CONSTRAINTS)
  PARTITION BY LIST (split_part(tenant_path, '/', 2));
CREATE TABLE tip_event_partitioned (LIKE tip_event INCLUDING DEFAULTS INCLUDING CONSTRAINTS,
  province text NOT NULL)
  PARTITION BY LIST (province);
CREATE TABLE tip_rollup_partitioned (LIKE tip_rollup INCLUDING DEFAULTS INCLUDING CONSTRAINTS,
  province text NOT NULL)
  PARTITION BY LIST (province);
CREATE TABLE tip_rollup_month_partitioned (LIKE tip_rollup_month INCLUDING DEFAULTS INCLUDING CONSTRAINTS,
  province text NOT NULL)
  PARTITION BY LIST (province);

-- The partition key of a table, as SQL over its row.
CREATE FUNCTION tip_partition_key(p_table text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE p_table WHEN 'tip' THEN 'split_part(tenant_path, ''/'', 2)' ELSE 'province' END
$$;

-- The partitions of one province key in the four tables (nothing if they exist). Rows of that
-- key already in a default partition are moved into the new one first (a default partition
-- holding them would refuse the new partition).
CREATE FUNCTION tip_partitions_add(p_key text) RETURNS void
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
DECLARE
  base text;
  parent text;
  part text;
BEGIN
  IF p_key !~ '^[0-9A-Za-z]*$' THEN
    RAISE EXCEPTION 'not a province code: %', p_key USING ERRCODE = 'invalid_parameter_value';
  END IF;
  FOREACH base IN ARRAY ARRAY['tip', 'tip_event', 'tip_rollup', 'tip_rollup_month'] LOOP
    -- During this migration the parents still carry the suffix; afterwards they do not.
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

CREATE TABLE tip_default PARTITION OF tip_partitioned DEFAULT;
CREATE TABLE tip_event_default PARTITION OF tip_event_partitioned DEFAULT;
CREATE TABLE tip_rollup_default PARTITION OF tip_rollup_partitioned DEFAULT;
CREATE TABLE tip_rollup_month_default PARTITION OF tip_rollup_month_partitioned DEFAULT;
SELECT tip_partitions_add('');
SELECT tip_partitions_add(code) FROM (SELECT DISTINCT code FROM tenant WHERE level = 'province') p;

-- 3. The rows.
INSERT INTO tip_partitioned SELECT * FROM tip;
INSERT INTO tip_event_partitioned
SELECT e.*, coalesce(split_part(t.tenant_path, '/', 2), split_part(e.unit_path, '/', 2))
  FROM tip_event e LEFT JOIN tip t ON t.id = e.tip_id;
INSERT INTO tip_rollup_partitioned SELECT r.*, split_part(r.unit_path, '/', 2) FROM tip_rollup r;
INSERT INTO tip_rollup_month_partitioned SELECT r.*, split_part(r.unit_path, '/', 2) FROM tip_rollup_month r;

-- 4. The swap (the sequences stay, owned by the new columns).
ALTER SEQUENCE tip_id_seq OWNED BY tip_partitioned.id;
ALTER SEQUENCE tip_event_id_seq OWNED BY tip_event_partitioned.id;
DROP TABLE tip_event;
DROP TABLE tip;
DROP TABLE tip_rollup;
DROP TABLE tip_rollup_month;
ALTER TABLE tip_partitioned RENAME TO tip;
ALTER TABLE tip_event_partitioned RENAME TO tip_event;
ALTER TABLE tip_rollup_partitioned RENAME TO tip_rollup;
ALTER TABLE tip_rollup_month_partitioned RENAME TO tip_rollup_month;

-- 5. Keys and indexes (each created on every partition).
ALTER TABLE tip ADD CONSTRAINT tip_channel_id_fkey FOREIGN KEY (channel_id) REFERENCES channel (id);
-- A tip by id (unique by its sequence: a partitioned table cannot constrain it without the key).
CREATE INDEX tip_id ON tip (id);
-- The receipt lookup (tip_locate) and attachments found by receipt; unique through tip_receipt.
CREATE INDEX tip_receipt_lookup ON tip (receipt);
-- The officer inbox: the unit's tips by status and recency.
CREATE INDEX tip_inbox ON tip (tenant_path text_pattern_ops, status, received_at DESC);
CREATE INDEX tip_inbox_recent ON tip (tenant_path, received_at DESC);
-- The SLA sweep: open tips not answered yet, by deadline.
CREATE INDEX tip_sla_open ON tip (sla_due_at) WHERE first_response_at IS NULL AND NOT sla_breached;
CREATE INDEX tip_tenant ON tip (tenant_id);
-- Webhook redeliveries (tip_by_message); unique through tip_message.
CREATE INDEX tip_source_message ON tip (source, source_message_id) WHERE source_message_id IS NOT NULL;
-- A sender's latest conversation.
CREATE INDEX tip_sender ON tip (sender_key, sender_last_at DESC) WHERE sender_key IS NOT NULL;

ALTER TABLE tip_event ADD PRIMARY KEY (id, province);
CREATE INDEX tip_event_tip ON tip_event (tip_id, id);
-- A joined platform message once per tip's province (a redelivery goes to the same tip; see
-- docs/tips.md for the one case this does not cover).
CREATE UNIQUE INDEX tip_event_source_message ON tip_event (province, source_message_id)
  WHERE source_message_id IS NOT NULL;

-- Every roll-up query is one range of this key: a unit, a dimension, a period (the province is
-- the unit's own, the same in the whole partition).
ALTER TABLE tip_rollup ADD PRIMARY KEY (unit_path, dim, own, day, key, shard, province);
ALTER TABLE tip_rollup_month ADD PRIMARY KEY (unit_path, dim, month, key, shard, province);

-- National uniqueness of receipts and platform messages: claimed by intake before the tip is
-- written (a taken claim skips the tip, as the unique indexes of V1/V5 did).
CREATE TABLE tip_receipt (receipt text PRIMARY KEY);
CREATE TABLE tip_message (source text NOT NULL, message_id text NOT NULL, PRIMARY KEY (source, message_id));
INSERT INTO tip_receipt SELECT receipt FROM tip;
INSERT INTO tip_message SELECT source, source_message_id FROM tip WHERE source_message_id IS NOT NULL;
-- Receipts name a tip and prove nothing (docs/tips.md); RETURNING needs SELECT.
GRANT SELECT, INSERT ON tip_receipt, tip_message TO binhyen_app;

-- 6. Row-level security, as V1 and V8 had it.
ALTER TABLE tip ENABLE ROW LEVEL SECURITY;
ALTER TABLE tip FORCE ROW LEVEL SECURITY;
-- A tip is visible and writable only inside the transaction's tenant scope.
CREATE POLICY tip_scope ON tip USING (app_in_scope(tenant_path)) WITH CHECK (app_in_scope(tenant_path));
ALTER TABLE tip_event ENABLE ROW LEVEL SECURITY;
ALTER TABLE tip_event FORCE ROW LEVEL SECURITY;
-- Visible exactly when its tip is (the tip's policy applies inside the subquery; the province
-- names the tip's partition).
CREATE POLICY tip_event_read ON tip_event FOR SELECT
  USING (EXISTS (SELECT 1 FROM tip t WHERE t.id = tip_id AND split_part(t.tenant_path, '/', 2) = province));
-- Inserted only for the unit handling the tip at the time, which must be in scope.
CREATE POLICY tip_event_insert ON tip_event FOR INSERT
  WITH CHECK (app_in_scope(unit_path));
-- Moved with its tip (by the definer functions below only: the application has no UPDATE grant).
CREATE POLICY tip_event_follow ON tip_event FOR UPDATE
  USING (EXISTS (SELECT 1 FROM tip t WHERE t.id = tip_id));
-- Same visibility as the tip.
CREATE POLICY tip_attachment_scope ON tip_attachment
  USING (EXISTS (SELECT 1 FROM tip t WHERE t.id = tip_id))
  WITH CHECK (EXISTS (SELECT 1 FROM tip t WHERE t.id = tip_id));
-- Visible and writable exactly when its tip is.
CREATE POLICY tip_reply_delivery_scope ON tip_reply_delivery
  USING (EXISTS (SELECT 1 FROM tip t WHERE t.id = tip_id))
  WITH CHECK (EXISTS (SELECT 1 FROM tip t WHERE t.id = tip_id));

GRANT SELECT, INSERT, UPDATE ON tip TO binhyen_app;
GRANT SELECT, INSERT ON tip_event TO binhyen_app;
-- Figures only: readable by the application, written only by the triggers' definer functions.
GRANT SELECT ON tip_rollup, tip_rollup_month TO binhyen_app;

-- 7. The roll-up writers with the key (same counters as V5; the conflict target gains province).
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
    SELECT unit_path, dim, own, day, key, (pg_backend_pid() % 16)::smallint, split_part(unit_path, '/', 2), n FROM x
     -- Every writer locks counter rows in key order: concurrent batches cannot deadlock.
     ORDER BY 1, 2, 3, 4, 5
    ON CONFLICT (unit_path, dim, own, day, key, shard, province) DO UPDATE SET n = d.n + EXCLUDED.n)
  INSERT INTO tip_rollup_month AS m (unit_path, dim, month, key, shard, province, n)
  SELECT unit_path, dim, date_trunc('month', day)::date, key, (pg_backend_pid() % 16)::smallint,
         split_part(unit_path, '/', 2), sum(n)
    FROM x WHERE NOT own
   GROUP BY 1, 2, 3, 4
   ORDER BY 1, 2, 3, 4
  ON CONFLICT (unit_path, dim, month, key, shard, province) DO UPDATE SET n = m.n + EXCLUDED.n;
  RETURN NULL;
END
$$;
CREATE TRIGGER tip_rollup_insert AFTER INSERT ON tip
  REFERENCING NEW TABLE AS inserted_tips
  FOR EACH STATEMENT EXECUTE FUNCTION tip_rollup_insert_statement();

-- The counter deltas of grouped tips: -n for their old attributes, +n for their new ones, netted,
-- written in key order. Used by the UPDATE trigger (one tip) and tip_reorg_move (a whole mapping).
CREATE FUNCTION tip_rollup_apply(p_old_path text[], p_new_path text[], p_old_day date[], p_new_day date[],
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
    SELECT unit_path, dim, own, day, key, (pg_backend_pid() % 16)::smallint, split_part(unit_path, '/', 2), n FROM x
     ORDER BY 1, 2, 3, 4, 5
    ON CONFLICT (unit_path, dim, own, day, key, shard, province) DO UPDATE SET n = d.n + EXCLUDED.n)
  INSERT INTO tip_rollup_month AS m (unit_path, dim, month, key, shard, province, n)
  SELECT unit_path, dim, date_trunc('month', day)::date, key, (pg_backend_pid() % 16)::smallint,
         split_part(unit_path, '/', 2), sum(n)
    FROM x WHERE NOT own
   GROUP BY 1, 2, 3, 4
  HAVING sum(n) <> 0
   ORDER BY 1, 2, 3, 4
  ON CONFLICT (unit_path, dim, month, key, shard, province) DO UPDATE SET n = m.n + EXCLUDED.n
$$;
REVOKE ALL ON FUNCTION tip_rollup_apply(text[], text[], date[], date[], text[], text[], text[], text[],
  boolean[], boolean[], int[]) FROM PUBLIC;

-- UPDATEs: a BEFORE row trigger now (V2's was AFTER). An UPDATE that moves a tip to another
-- province's partition is a DELETE and an INSERT underneath: PostgreSQL fires no AFTER UPDATE row
-- trigger for it, but still fires the BEFORE UPDATE row triggers, on the row as locked. The
-- trigger also moves the tip's events to its new province. binhyen.rollup_bulk = 'on' (set
-- locally by tip_reorg_move only) skips it: that function adjusts counters and events itself.
CREATE FUNCTION tip_rollup_before_update() RETURNS trigger
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
BEGIN
  PERFORM tip_rollup_apply(ARRAY[OLD.tenant_path], ARRAY[NEW.tenant_path], ARRAY[OLD.received_day],
      ARRAY[NEW.received_day], ARRAY[OLD.category], ARRAY[NEW.category], ARRAY[OLD.status], ARRAY[NEW.status],
      ARRAY[OLD.sla_breached], ARRAY[NEW.sla_breached], ARRAY[1]);
  IF split_part(OLD.tenant_path, '/', 2) <> split_part(NEW.tenant_path, '/', 2) THEN
    UPDATE tip_event SET province = split_part(NEW.tenant_path, '/', 2)
     WHERE tip_id = NEW.id AND province = split_part(OLD.tenant_path, '/', 2);
  END IF;
  RETURN NEW;
END
$$;
CREATE TRIGGER tip_rollup_update BEFORE UPDATE OF tenant_path, received_day, category, status, sla_breached ON tip
  FOR EACH ROW
  WHEN ((OLD.tenant_path IS DISTINCT FROM NEW.tenant_path OR OLD.received_day IS DISTINCT FROM NEW.received_day
         OR OLD.category IS DISTINCT FROM NEW.category OR OLD.status IS DISTINCT FROM NEW.status
         OR OLD.sla_breached IS DISTINCT FROM NEW.sla_breached)
        AND current_setting('binhyen.rollup_bulk', true) IS DISTINCT FROM 'on')
  EXECUTE FUNCTION tip_rollup_before_update();
-- V2's row trigger on DELETE would also refuse a tip's move to another partition (the BEFORE
-- DELETE row triggers fire for it); a statement trigger refuses every DELETE statement on tip and
-- is not fired by a move.
CREATE TRIGGER tip_no_delete BEFORE DELETE ON tip FOR EACH STATEMENT EXECUTE FUNCTION tip_no_delete();

-- V12's conversation counter, on INSERT statements now: a move to another partition fires the
-- AFTER INSERT row triggers of the destination, which would count the conversation again;
-- statement triggers are not fired by a move.
CREATE FUNCTION tip_conversation_on_insert_statement() RETURNS trigger
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
BEGIN
  PERFORM tip_conversation_add(tenant_path, received_day, 'conversations')
     FROM inserted_conversations WHERE source IN ('zalo', 'facebook');
  RETURN NULL;
END
$$;
REVOKE ALL ON FUNCTION tip_conversation_on_insert_statement() FROM PUBLIC;
CREATE TRIGGER tip_conversation_insert AFTER INSERT ON tip
  REFERENCING NEW TABLE AS inserted_conversations
  FOR EACH STATEMENT EXECUTE FUNCTION tip_conversation_on_insert_statement();

-- V13/V14's move of a conversation's figures, BEFORE UPDATE now for the same reason as the
-- roll-up trigger (a move to another partition fires no AFTER UPDATE row trigger); a BEFORE
-- trigger must return the row.
CREATE FUNCTION tip_conversation_before_move() RETURNS trigger
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
DECLARE
  c record;
BEGIN
  FOR c IN SELECT * FROM tip_conversation_contributions(NEW.id, NEW.received_at) LOOP
    PERFORM tip_conversation_add_n(OLD.tenant_path, OLD.received_day, c.key, -c.n);
    PERFORM tip_conversation_add_n(NEW.tenant_path, NEW.received_day, c.key, c.n);
  END LOOP;
  RETURN NEW;
END
$$;
REVOKE ALL ON FUNCTION tip_conversation_before_move() FROM PUBLIC;
CREATE TRIGGER tip_conversation_move BEFORE UPDATE OF tenant_path, received_day ON tip
  FOR EACH ROW WHEN (NEW.source IN ('zalo', 'facebook')
    AND (OLD.tenant_path IS DISTINCT FROM NEW.tenant_path OR OLD.received_day IS DISTINCT FROM NEW.received_day))
  EXECUTE FUNCTION tip_conversation_before_move();

-- Folds the shards of days before p_before into shard 0, and of months that ended before it.
CREATE OR REPLACE FUNCTION tip_rollup_compact(p_before date) RETURNS bigint
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
DECLARE
  moved bigint;
BEGIN
  WITH gone AS (
    DELETE FROM tip_rollup WHERE shard <> 0 AND day < p_before
    RETURNING unit_path, dim, own, day, key, province, n)
  INSERT INTO tip_rollup AS r (unit_path, dim, own, day, key, shard, province, n)
  SELECT unit_path, dim, own, day, key, 0, province, sum(n) FROM gone
   GROUP BY 1, 2, 3, 4, 5, 7 ORDER BY 1, 2, 3, 4, 5
  ON CONFLICT (unit_path, dim, own, day, key, shard, province) DO UPDATE SET n = r.n + EXCLUDED.n;
  GET DIAGNOSTICS moved = ROW_COUNT;
  DELETE FROM tip_rollup WHERE n = 0 AND day < p_before;
  WITH gone AS (
    DELETE FROM tip_rollup_month WHERE shard <> 0 AND month < date_trunc('month', p_before)::date
    RETURNING unit_path, dim, month, key, province, n)
  INSERT INTO tip_rollup_month AS m (unit_path, dim, month, key, shard, province, n)
  SELECT unit_path, dim, month, key, 0, province, sum(n) FROM gone
   GROUP BY 1, 2, 3, 4, 6 ORDER BY 1, 2, 3, 4
  ON CONFLICT (unit_path, dim, month, key, shard, province) DO UPDATE SET n = m.n + EXCLUDED.n;
  DELETE FROM tip_rollup_month WHERE n = 0 AND month < date_trunc('month', p_before)::date;
  RETURN moved;
END
$$;

-- Rebuilds every counter from the tips (after a bulk load with the trigger disabled).
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
  SELECT unit_path, dim, own, day, key, 0, split_part(unit_path, '/', 2), n FROM rows;
END
$$;
CREATE OR REPLACE FUNCTION tip_rollup_rebuild() RETURNS void
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
BEGIN
  PERFORM tip_rollup_rebuild_days();
  DELETE FROM tip_rollup_month;
  INSERT INTO tip_rollup_month (unit_path, dim, month, key, shard, province, n)
  SELECT unit_path, dim, date_trunc('month', day)::date, key, 0, province, sum(n)
    FROM tip_rollup WHERE NOT own
   GROUP BY 1, 2, 3, 4, 6;
END
$$;

-- 8. Set-based reorganisation (issue 15 item 3): every tip of unit from_ids[i] goes to
-- to_ids[i] at to_paths[i], for a whole mapping in a few statements. The roll-up trigger is
-- skipped for the move; the counters of the moved tips' groups are adjusted once (-n at the old
-- paths, +n at the new ones, netted) in the same transaction, and the events of tips that changed
-- province follow them. Answers the tips moved; p_dry_run counts them and writes nothing.
-- Runs in the caller's scope (row-level security applies to the owner too: FORCE).
CREATE FUNCTION tip_reorg_move(p_from bigint[], p_to bigint[], p_to_path text[], p_dry_run boolean)
  RETURNS bigint
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
DECLARE
  moved bigint;
  g record;
BEGIN
  CREATE TEMP TABLE tip_reorg_mapping ON COMMIT DROP AS
    SELECT * FROM unnest(p_from, p_to, p_to_path) AS m (from_id, to_id, to_path);
  ANALYZE tip_reorg_mapping;
  -- What moves, grouped by everything a counter depends on (the move changes only the path).
  CREATE TEMP TABLE tip_reorg_groups ON COMMIT DROP AS
    SELECT t.tenant_path AS old_path, m.to_path AS new_path, t.received_day AS day, t.category,
           t.status, t.sla_breached AS breached, count(*)::int AS n
      FROM tip t JOIN tip_reorg_mapping m ON t.tenant_id = m.from_id
     WHERE t.tenant_id <> m.to_id OR t.tenant_path <> m.to_path
     GROUP BY 1, 2, 3, 4, 5, 6;
  SELECT coalesce(sum(n), 0) INTO moved FROM tip_reorg_groups;
  IF p_dry_run OR moved = 0 THEN
    DROP TABLE tip_reorg_mapping, tip_reorg_groups;
    RETURN moved;
  END IF;
  -- Events follow their tip to its new province, first: while the tip still has its old path
  -- they are visible through tip_event_read.
  UPDATE tip_event e SET province = split_part(m.to_path, '/', 2)
    FROM tip t JOIN tip_reorg_mapping m ON t.tenant_id = m.from_id
   WHERE e.tip_id = t.id AND e.province = split_part(t.tenant_path, '/', 2)
     AND split_part(m.to_path, '/', 2) <> split_part(t.tenant_path, '/', 2);
  PERFORM set_config('binhyen.rollup_bulk', 'on', true);
  UPDATE tip t SET tenant_id = m.to_id, tenant_path = m.to_path, updated_at = now()
    FROM tip_reorg_mapping m
   WHERE t.tenant_id = m.from_id AND (t.tenant_id <> m.to_id OR t.tenant_path <> m.to_path);
  PERFORM set_config('binhyen.rollup_bulk', 'off', true);
  PERFORM tip_rollup_apply(array_agg(old_path), array_agg(new_path), array_agg(day), array_agg(day),
      array_agg(category), array_agg(category), array_agg(status), array_agg(status),
      array_agg(breached), array_agg(breached), array_agg(n))
    FROM tip_reorg_groups;
  DROP TABLE tip_reorg_mapping, tip_reorg_groups;
  RETURN moved;
END
$$;
REVOKE ALL ON FUNCTION tip_reorg_move(bigint[], bigint[], text[], boolean) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION tip_reorg_move(bigint[], bigint[], text[], boolean) TO binhyen_app;

-- 9. Partitions are created with their province (a unit of level province, whatever code path
-- inserts it); the default partitions take anything else.
CREATE FUNCTION tip_partitions_for_province() RETURNS trigger
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
BEGIN
  PERFORM tip_partitions_add(NEW.code);
  RETURN NULL;
END
$$;
REVOKE ALL ON FUNCTION tip_partitions_for_province() FROM PUBLIC;
CREATE TRIGGER tip_partitions_for_province AFTER INSERT ON tenant
  FOR EACH ROW WHEN (NEW.level = 'province') EXECUTE FUNCTION tip_partitions_for_province();
