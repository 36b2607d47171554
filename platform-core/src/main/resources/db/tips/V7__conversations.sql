-- Conversations over Zalo and Messenger (issue 18): later messages of one platform user to one
-- page join their open tip instead of opening new ones. The platform user id is never stored in
-- clear: sender_key is HMAC-SHA256 of "<channel id>:<platform user id>" under a key derived from
-- the master key for the unit that received the first message, so it links one sender's messages
-- and cannot be reversed or recomputed without the master key (the id needed to answer stays
-- sealed in account_sealed). tips V6 is the identity-reveal event.
ALTER TABLE tip ADD COLUMN sender_key bytea;
ALTER TABLE tip ADD COLUMN sender_last_at timestamptz;   -- the sender's latest message joined
CREATE INDEX tip_sender ON tip (sender_key, sender_last_at DESC) WHERE sender_key IS NOT NULL;
-- A later message joined as an event carries its platform message id ("<source>:<id>"), so a
-- redelivery joins nothing twice.
ALTER TABLE tip_event ADD COLUMN source_message_id text;
CREATE UNIQUE INDEX tip_event_source_message ON tip_event (source_message_id)
  WHERE source_message_id IS NOT NULL;
