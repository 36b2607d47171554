-- Officers' replies sent back through Zalo OA and Messenger (issue 18 items 1 and 6). tips V7 is
-- conversations.
--
-- The channel a webhook tip came through: its access token sends the replies.
ALTER TABLE tip ADD COLUMN channel_id bigint REFERENCES channel (id);

-- One row per reply to a tip that came from a platform: its delivery. The reply event's id is the
-- idempotency key (the outbox payload names it; the handler locks this row and sends only while
-- it is queued). status: queued (in the outbox), sent (platform_message_id set), held (outside
-- the platform's reply window: sent again when the citizen writes), failed (reason given).
CREATE TABLE tip_reply_delivery (
  event_id            bigint PRIMARY KEY REFERENCES tip_event (id),
  tip_id              bigint NOT NULL REFERENCES tip (id),
  status              text NOT NULL CHECK (status IN ('queued', 'sent', 'held', 'failed')),
  platform_message_id text,
  reason              text CHECK (reason IN ('outside-window', 'invalid-token', 'no-access-token', 'refused')),
  platform_error      text,            -- the platform's code and message, when not sent
  updated_at          timestamptz NOT NULL DEFAULT now()
);
-- The tip's history lists its replies' deliveries; the citizen's next message finds held ones.
CREATE INDEX tip_reply_delivery_tip ON tip_reply_delivery (tip_id);
CREATE INDEX tip_reply_delivery_held ON tip_reply_delivery (tip_id) WHERE status = 'held';
ALTER TABLE tip_reply_delivery ENABLE ROW LEVEL SECURITY;
ALTER TABLE tip_reply_delivery FORCE ROW LEVEL SECURITY;
-- Visible and writable exactly when its tip is (the tip's policy applies inside the subquery).
CREATE POLICY tip_reply_delivery_scope ON tip_reply_delivery
  USING (EXISTS (SELECT 1 FROM tip t WHERE t.id = tip_id))
  WITH CHECK (EXISTS (SELECT 1 FROM tip t WHERE t.id = tip_id));
GRANT SELECT, INSERT, UPDATE ON tip_reply_delivery TO binhyen_app;

-- The page or OA access token that sends replies, sealed like the webhook secrets (same key and
-- associated data family, "access-token:channel:<id>"); NULL until an officer sets it.
ALTER TABLE channel_webhook_secret ADD COLUMN access_token_sealed bytea;
