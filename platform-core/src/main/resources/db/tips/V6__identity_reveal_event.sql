-- An identity reveal becomes an event of the tip's history (kind 'identity', action 'reveal',
-- note = the officer's reason), beside its audit entry, so the unit's officers see who revealed,
-- when and why. The citizen's follow-up never shows these events (TipEvent.publicToCitizen).
ALTER TABLE tip_event DROP CONSTRAINT tip_event_kind_check;
ALTER TABLE tip_event ADD CONSTRAINT tip_event_kind_check
  CHECK (kind IN ('transition', 'reply', 'citizen', 'note', 'identity'));
