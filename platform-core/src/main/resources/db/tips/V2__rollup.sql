-- Roll-up counters of tips for every unit and its subtree, by received day and one dimension:
--   dim 't' total (key ''), 'c' category (key = category id), 's' status (key = status),
--   'b' SLA breaches (key '').
-- own = true counts the tips the unit itself handles; own = false counts its whole subtree
-- (itself included). A tip at BCA/01/00004 counts in rows of BCA, BCA/01 and BCA/01/00004.
-- Maintained by the trigger below in the same transaction as every INSERT/UPDATE of a tip, so
-- the counters equal a GROUP BY over tip at every commit, whatever code path changed the tip
-- (intake, transition, forward, escalation, reorganisation).
-- shard spreads concurrent writers of the hot rows (the ministry's and provinces' rows of today)
-- over several rows, chosen by the writing backend; readers sum over shards, and
-- tip_rollup_compact() folds old days back into shard 0.
CREATE TABLE tip_rollup (
  unit_path text     NOT NULL,
  dim       text   NOT NULL CHECK (dim IN ('t', 'c', 's', 'b')),
  own       boolean  NOT NULL,
  day       date     NOT NULL,
  key       text     NOT NULL,
  shard     smallint NOT NULL,
  n         bigint   NOT NULL,
  -- Every roll-up query is one range of this key: a unit, a dimension, a period.
  PRIMARY KEY (unit_path, dim, own, day, key, shard)
);
-- Figures only (no content, no identity): readable by the application, written only by the
-- trigger's definer functions. Who may read which unit is the API's scope check.
GRANT SELECT ON tip_rollup TO binhyen_app;

-- The rows one tip contributes, with sign p_delta.
CREATE FUNCTION tip_rollup_rows(p_path text, p_day date, p_category text, p_status text,
    p_breached boolean, p_delta int)
  RETURNS TABLE (unit_path text, dim text, own boolean, day date, key text, n int)
  LANGUAGE sql IMMUTABLE AS $$
    WITH parts AS (SELECT string_to_array(p_path, '/') AS a),
    units AS (
      SELECT array_to_string(a[1:i], '/') AS unit_path, false AS own
        FROM parts, generate_series(1, cardinality(a)) AS i
      UNION ALL SELECT p_path, true)
    SELECT u.unit_path, d.dim, u.own, p_day, d.key, p_delta
      FROM units u
      CROSS JOIN (VALUES ('t'::text, ''), ('c'::text, p_category), ('s'::text, p_status),
                         ('b'::text, '')) AS d (dim, key)
     WHERE d.dim <> 'b' OR p_breached
  $$;

CREATE FUNCTION tip_rollup_trigger() RETURNS trigger
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
DECLARE
  s smallint := (pg_backend_pid() % 16)::smallint;
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO tip_rollup AS r (unit_path, dim, own, day, key, shard, n)
    SELECT x.unit_path, x.dim, x.own, x.day, x.key, s, x.n
      FROM tip_rollup_rows(NEW.tenant_path, NEW.received_day, NEW.category, NEW.status,
                           NEW.sla_breached, 1) x
     ORDER BY 1, 2, 3, 4, 5
    ON CONFLICT (unit_path, dim, own, day, key, shard) DO UPDATE SET n = r.n + EXCLUDED.n;
  ELSE
    -- Old and new contributions in one statement, netted and in key order (no self-conflict,
    -- and every writer locks rows in the same order).
    INSERT INTO tip_rollup AS r (unit_path, dim, own, day, key, shard, n)
    SELECT x.unit_path, x.dim, x.own, x.day, x.key, s, sum(x.n)
      FROM (SELECT * FROM tip_rollup_rows(OLD.tenant_path, OLD.received_day, OLD.category,
                                          OLD.status, OLD.sla_breached, -1)
            UNION ALL
            SELECT * FROM tip_rollup_rows(NEW.tenant_path, NEW.received_day, NEW.category,
                                          NEW.status, NEW.sla_breached, 1)) x
     GROUP BY 1, 2, 3, 4, 5
    HAVING sum(x.n) <> 0
     ORDER BY 1, 2, 3, 4, 5
    ON CONFLICT (unit_path, dim, own, day, key, shard) DO UPDATE SET n = r.n + EXCLUDED.n;
  END IF;
  RETURN NULL;
END
$$;

CREATE TRIGGER tip_rollup_insert AFTER INSERT ON tip
  FOR EACH ROW EXECUTE FUNCTION tip_rollup_trigger();
CREATE TRIGGER tip_rollup_update AFTER UPDATE OF tenant_path, received_day, category, status, sla_breached ON tip
  FOR EACH ROW
  WHEN (OLD.tenant_path IS DISTINCT FROM NEW.tenant_path OR OLD.received_day IS DISTINCT FROM NEW.received_day
        OR OLD.category IS DISTINCT FROM NEW.category OR OLD.status IS DISTINCT FROM NEW.status
        OR OLD.sla_breached IS DISTINCT FROM NEW.sla_breached)
  EXECUTE FUNCTION tip_rollup_trigger();
-- Tips are never deleted by the application (no DELETE grant); the owner deleting one would
-- break the invariant, so refuse it.
CREATE FUNCTION tip_no_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'tips are not deleted' USING ERRCODE = '42501';
END
$$;
CREATE TRIGGER tip_no_delete BEFORE DELETE ON tip FOR EACH ROW EXECUTE FUNCTION tip_no_delete();

-- Folds the shards of days before p_before into shard 0 (sum-preserving, one transaction).
CREATE FUNCTION tip_rollup_compact(p_before date) RETURNS bigint
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
  RETURN moved;
END
$$;

-- Rebuilds every counter from the tips (after a bulk load with the trigger disabled).
CREATE FUNCTION tip_rollup_rebuild() RETURNS void
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
    SELECT tenant_path, 'b', received_day, '', count(*) FROM tip WHERE sla_breached GROUP BY 1, 3)
  INSERT INTO tip_rollup (unit_path, dim, own, day, key, shard, n)
  SELECT unit_path, dim, true, day, key, 0, n FROM own_rows
  UNION ALL
  SELECT array_to_string((string_to_array(o.unit_path, '/'))[1:i], '/'), o.dim, false, o.day, o.key, 0, sum(o.n)
    FROM own_rows o, generate_series(1, cardinality(string_to_array(o.unit_path, '/'))) AS i
   GROUP BY 1, 2, 4, 5;
END
$$;
REVOKE ALL ON FUNCTION tip_rollup_compact(date), tip_rollup_rebuild() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION tip_rollup_compact(date) TO binhyen_app;

-- Receiving channels' webhook secrets (Facebook app secret, Zalo OA secret key and app id),
-- sealed under the master key. verify_token_hash: SHA-256 of the Facebook subscription token.
CREATE TABLE channel_webhook_secret (
  channel_id        bigint PRIMARY KEY REFERENCES channel (id),
  tenant_path       text NOT NULL,
  sealed            bytea NOT NULL,
  verify_token_hash bytea UNIQUE,
  updated_at        timestamptz NOT NULL DEFAULT now()
);
ALTER TABLE channel_webhook_secret ENABLE ROW LEVEL SECURITY;
ALTER TABLE channel_webhook_secret FORCE ROW LEVEL SECURITY;
-- Only inside the owning unit's scope.
CREATE POLICY channel_webhook_secret_scope ON channel_webhook_secret
  USING (app_in_scope(tenant_path)) WITH CHECK (app_in_scope(tenant_path));
GRANT SELECT, INSERT, UPDATE ON channel_webhook_secret TO binhyen_app;

-- Facebook's subscription GET names no page: whether any channel uses this token.
CREATE FUNCTION webhook_verify_token_known(p_hash bytea) RETURNS boolean
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
    SELECT EXISTS (SELECT 1 FROM channel_webhook_secret WHERE verify_token_hash = p_hash)
  $$;
REVOKE ALL ON FUNCTION webhook_verify_token_known(bytea) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION webhook_verify_token_known(bytea) TO binhyen_app;
