-- Figures of the conversations over Zalo and Messenger (issue 18 item 7), rolled up the
-- hierarchy like tips' (tips V2): for every unit on a conversation tip's path a subtree row
-- (own = false), and an own row (own = true) for the handling unit; day = the tip's received day
-- (Asia/Ho_Chi_Minh), so a period's figures are those of the conversations received in it.
-- Kept by triggers in the same transaction as the change, whatever code made it. Keys:
--   conversations          tips that came from a Zalo or Messenger conversation
--   first_reply:<minutes>  conversations whose first officer reply came within the bucket
--                          (upper bounds 15, 30, 60, 120, 240, 480, 1440, 2880, 10080; 'more'):
--                          the median is read from this distribution
--   replies                officers' replies to be sent through the platform (the automatic
--                          first reply is not counted)
--   replies_in_window      ... accepted by the platform without having been held
--   replies_after_wait     ... accepted after being held outside the window (the citizen wrote again)
--   replies_held           ... held at least once
--   replies_failed         ... failed (invalid token, refused)
-- shard spreads concurrent writers of hot rows (as tip_rollup's); readers sum shards. tips V11
-- is Zalo's token refresh.
CREATE TABLE tip_conversation_rollup (
  unit_path text NOT NULL,
  own       boolean NOT NULL,
  day       date NOT NULL,
  key       text NOT NULL,
  shard     smallint NOT NULL,
  n         bigint NOT NULL,
  PRIMARY KEY (unit_path, own, day, key, shard)  -- a unit's period is one range of this key
);
-- Figures only (no content, no identity), like tip_rollup: no row-level security; who may read
-- which unit is the contract's READ check. Only the triggers write.
GRANT SELECT ON tip_conversation_rollup TO binhyen_app;

-- Whether a reply was ever held: decides in_window / after_wait when it is sent.
ALTER TABLE tip_reply_delivery ADD COLUMN held_once boolean NOT NULL DEFAULT false;

CREATE FUNCTION tip_conversation_add(p_path text, p_day date, p_key text) RETURNS void
  LANGUAGE sql SECURITY DEFINER SET search_path = public AS $$
  INSERT INTO tip_conversation_rollup AS r (unit_path, own, day, key, shard, n)
  SELECT x.unit_path, x.own, p_day, p_key, (pg_backend_pid() % 16)::smallint, 1
    FROM (SELECT array_to_string(p.a[1:i], '/') AS unit_path, false AS own
            FROM (SELECT string_to_array(p_path, '/') AS a) p, generate_series(1, cardinality(p.a)) AS i
          UNION ALL
          SELECT p_path, true) x
   ORDER BY 1, 2
  ON CONFLICT (unit_path, own, day, key, shard) DO UPDATE SET n = r.n + EXCLUDED.n
$$;
REVOKE ALL ON FUNCTION tip_conversation_add(text, date, text) FROM PUBLIC;

CREATE FUNCTION tip_conversation_on_tip() RETURNS trigger
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
BEGIN
  PERFORM tip_conversation_add(NEW.tenant_path, NEW.received_day, 'conversations');
  RETURN NULL;
END
$$;
CREATE TRIGGER tip_conversation_insert AFTER INSERT ON tip
  FOR EACH ROW WHEN (NEW.source IN ('zalo', 'facebook')) EXECUTE FUNCTION tip_conversation_on_tip();

-- A reply queued for the platform: counted, and the first officer reply of the tip puts the tip
-- in its first-reply bucket (the time from the tip's arrival to the reply).
CREATE FUNCTION tip_conversation_on_reply() RETURNS trigger
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
DECLARE
  t record;
  replied timestamptz;
  minutes double precision;
  bucket text;
BEGIN
  SELECT e.at INTO replied FROM tip_event e WHERE e.id = NEW.event_id AND e.actor_id IS NOT NULL;
  IF replied IS NULL THEN
    RETURN NULL;  -- the automatic first reply
  END IF;
  SELECT tenant_path, received_day, received_at INTO t FROM tip WHERE id = NEW.tip_id;
  PERFORM tip_conversation_add(t.tenant_path, t.received_day, 'replies');
  IF NOT EXISTS (SELECT 1 FROM tip_reply_delivery d JOIN tip_event e ON e.id = d.event_id
                  WHERE d.tip_id = NEW.tip_id AND d.event_id <> NEW.event_id AND e.actor_id IS NOT NULL) THEN
    minutes := extract(epoch FROM replied - t.received_at) / 60;
    bucket := coalesce((SELECT min(b)::text FROM unnest(ARRAY[15, 30, 60, 120, 240, 480, 1440, 2880, 10080]) AS b
                         WHERE minutes <= b), 'more');
    PERFORM tip_conversation_add(t.tenant_path, t.received_day, 'first_reply:' || bucket);
  END IF;
  RETURN NULL;
END
$$;
CREATE TRIGGER tip_conversation_reply AFTER INSERT ON tip_reply_delivery
  FOR EACH ROW EXECUTE FUNCTION tip_conversation_on_reply();

-- A reply's outcome: held (once), sent within the window or after waiting, failed.
CREATE FUNCTION tip_conversation_on_delivery() RETURNS trigger
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
DECLARE
  t record;
  key text;
BEGIN
  IF NEW.status = 'held' THEN
    IF OLD.held_once THEN
      RETURN NEW;
    END IF;
    NEW.held_once := true;
    key := 'replies_held';
  ELSIF NEW.status = 'sent' AND OLD.status = 'queued' THEN
    key := CASE WHEN OLD.held_once THEN 'replies_after_wait' ELSE 'replies_in_window' END;
  ELSIF NEW.status = 'failed' AND OLD.status <> 'failed' THEN
    key := 'replies_failed';
  ELSE
    RETURN NEW;
  END IF;
  IF NOT EXISTS (SELECT 1 FROM tip_event e WHERE e.id = NEW.event_id AND e.actor_id IS NOT NULL) THEN
    RETURN NEW;  -- the automatic first reply
  END IF;
  SELECT tenant_path, received_day INTO t FROM tip WHERE id = NEW.tip_id;
  PERFORM tip_conversation_add(t.tenant_path, t.received_day, key);
  RETURN NEW;
END
$$;
CREATE TRIGGER tip_conversation_delivery BEFORE UPDATE OF status ON tip_reply_delivery
  FOR EACH ROW WHEN (OLD.status IS DISTINCT FROM NEW.status) EXECUTE FUNCTION tip_conversation_on_delivery();
