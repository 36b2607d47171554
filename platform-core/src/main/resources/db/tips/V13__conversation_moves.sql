-- A tip that moves to another unit (a reorganisation, a forward) takes its conversation figures
-- with it, as tip_rollup's counters do (V2's tip_rollup_update): its contributions — the
-- conversation, its officer replies, its first-reply bucket and its replies' outcomes — are taken
-- off the old unit and its ancestors and put on the new one, in the statement that moves it.

CREATE FUNCTION tip_conversation_add_n(p_path text, p_day date, p_key text, p_n bigint) RETURNS void
  LANGUAGE sql SECURITY DEFINER SET search_path = public AS $$
  INSERT INTO tip_conversation_rollup AS r (unit_path, own, day, key, shard, n)
  SELECT x.unit_path, x.own, p_day, p_key, (pg_backend_pid() % 16)::smallint, p_n
    FROM (SELECT array_to_string(p.a[1:i], '/') AS unit_path, false AS own
            FROM (SELECT string_to_array(p_path, '/') AS a) p, generate_series(1, cardinality(p.a)) AS i
          UNION ALL
          SELECT p_path, true) x
   ORDER BY 1, 2
  ON CONFLICT (unit_path, own, day, key, shard) DO UPDATE SET n = r.n + EXCLUDED.n
$$;
REVOKE ALL ON FUNCTION tip_conversation_add_n(text, date, text, bigint) FROM PUBLIC;

-- What one tip has added to the figures, key by key (the same rules as V12's triggers: a reply
-- counts as sent once it has been, whatever the platform's later receipts say).
CREATE FUNCTION tip_conversation_contributions(p_tip bigint, p_received_at timestamptz)
  RETURNS TABLE (key text, n bigint)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  WITH replies AS (
    SELECT d.status, d.sent_at, d.held_once, e.at
      FROM tip_reply_delivery d JOIN tip_event e ON e.id = d.event_id
     WHERE d.tip_id = p_tip AND e.actor_id IS NOT NULL
  ), first AS (SELECT min(at) AS at FROM replies)
  SELECT 'conversations', 1
  UNION ALL SELECT 'replies', count(*) FROM replies HAVING count(*) > 0
  UNION ALL SELECT 'replies_held', count(*) FROM replies WHERE held_once HAVING count(*) > 0
  UNION ALL SELECT 'replies_in_window', count(*) FROM replies WHERE sent_at IS NOT NULL AND NOT held_once HAVING count(*) > 0
  UNION ALL SELECT 'replies_after_wait', count(*) FROM replies WHERE sent_at IS NOT NULL AND held_once HAVING count(*) > 0
  UNION ALL SELECT 'replies_failed', count(*) FROM replies WHERE status = 'failed' HAVING count(*) > 0
  UNION ALL SELECT 'first_reply:' || coalesce((SELECT min(b)::text FROM unnest(ARRAY[15, 30, 60, 120, 240, 480, 1440, 2880, 10080]) AS b
                                               WHERE extract(epoch FROM f.at - p_received_at) / 60 <= b), 'more'), 1
      FROM first f WHERE f.at IS NOT NULL
$$;
REVOKE ALL ON FUNCTION tip_conversation_contributions(bigint, timestamptz) FROM PUBLIC;

CREATE FUNCTION tip_conversation_on_move() RETURNS trigger
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
DECLARE
  c record;
BEGIN
  FOR c IN SELECT * FROM tip_conversation_contributions(NEW.id, NEW.received_at) LOOP
    PERFORM tip_conversation_add_n(OLD.tenant_path, OLD.received_day, c.key, -c.n);
    PERFORM tip_conversation_add_n(NEW.tenant_path, NEW.received_day, c.key, c.n);
  END LOOP;
  RETURN NULL;
END
$$;
CREATE TRIGGER tip_conversation_move AFTER UPDATE OF tenant_path ON tip
  FOR EACH ROW WHEN (NEW.source IN ('zalo', 'facebook') AND OLD.tenant_path IS DISTINCT FROM NEW.tenant_path)
  EXECUTE FUNCTION tip_conversation_on_move();
