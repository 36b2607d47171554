-- A tip whose day changes takes its conversation figures to that day, as tip_rollup's counters do
-- (V2's tip_rollup_update fires on received_day too): V13's trigger also fires on received_day.
DROP TRIGGER tip_conversation_move ON tip;
CREATE TRIGGER tip_conversation_move AFTER UPDATE OF tenant_path, received_day ON tip
  FOR EACH ROW WHEN (NEW.source IN ('zalo', 'facebook')
    AND (OLD.tenant_path IS DISTINCT FROM NEW.tenant_path OR OLD.received_day IS DISTINCT FROM NEW.received_day))
  EXECUTE FUNCTION tip_conversation_on_move();
