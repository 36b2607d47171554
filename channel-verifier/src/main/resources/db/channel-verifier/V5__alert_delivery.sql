-- Delivery of alerts to the official channels in scope (issue 17 item 4). Issuing an alert writes
-- one row per verified channel of every unit in scope, in the issuing transaction: Facebook pages
-- and Zalo OAs are posted through the platforms' APIs by outbox work (mode 'api'); community
-- groups, which have no API, get the text ready to paste for the ward officer (mode 'manual').
-- (alert_id, channel_id) is the idempotency key of one channel's delivery.
CREATE TABLE alert_delivery (
  id            bigserial PRIMARY KEY,
  alert_id      text NOT NULL REFERENCES alert (id),
  channel_id    bigint NOT NULL REFERENCES channel (id),
  tenant_id     bigint NOT NULL REFERENCES tenant (id),
  tenant_path   text NOT NULL,          -- the channel's unit (who receives the alert)
  issuer_path   text NOT NULL,          -- the alert's issuing unit, for the figures
  platform      text NOT NULL,
  mode          text NOT NULL CHECK (mode IN ('api', 'manual')),
  status        text NOT NULL CHECK (status IN ('queued', 'sent', 'failed', 'cancelled', 'ready', 'posted')),
  attempts      integer NOT NULL DEFAULT 0,
  platform_ref  text,                   -- the platform's id of the post or message once sent
  article_id    text,                   -- Zalo: the article created for the broadcast (kept across retries)
  last_error    text,                   -- the platform's last answer in words, while retrying or once failed
  fail_reason   text,                   -- once failed: no-credentials, invalid-token, refused, gave-up
  posted_by     text,                   -- manual: who marked it posted
  queued_at     timestamptz NOT NULL DEFAULT now(),
  done_at       timestamptz,
  UNIQUE (alert_id, channel_id),
  CHECK ((mode = 'api' AND status IN ('queued', 'sent', 'failed', 'cancelled'))
      OR (mode = 'manual' AND status IN ('ready', 'posted', 'cancelled')))
);
-- A unit's (and its subtree's) deliveries, newest first.
CREATE INDEX alert_delivery_unit ON alert_delivery (tenant_path text_pattern_ops, queued_at DESC);
-- The deliveries of one alert (its status page and cancellation).
CREATE INDEX alert_delivery_alert ON alert_delivery (alert_id);

ALTER TABLE alert_delivery ENABLE ROW LEVEL SECURITY;
ALTER TABLE alert_delivery FORCE ROW LEVEL SECURITY;
-- Seen and changed within the receiving channel's scope: its unit and every unit above it (the
-- issuer is always above or equal, since the channels are inside its scope).
CREATE POLICY alert_delivery_read ON alert_delivery FOR SELECT USING (app_in_scope(tenant_path));
CREATE POLICY alert_delivery_insert ON alert_delivery FOR INSERT WITH CHECK (app_in_scope(tenant_path));
CREATE POLICY alert_delivery_update ON alert_delivery FOR UPDATE
  USING (app_in_scope(tenant_path)) WITH CHECK (app_in_scope(tenant_path));
GRANT SELECT, INSERT, UPDATE ON alert_delivery TO binhyen_app;
GRANT USAGE ON SEQUENCE alert_delivery_id_seq TO binhyen_app;

-- The credentials that post alerts on a channel: a Facebook Page's id and Page access token, or a
-- Zalo OA's id, access and refresh tokens and the Zalo app (id, secret key) that refreshes them.
-- Sealed (AES-GCM) with a key derived from the master key, bound to the channel id.
CREATE TABLE alert_channel_credential (
  channel_id     bigint PRIMARY KEY REFERENCES channel (id),
  tenant_path    text NOT NULL,
  platform       text NOT NULL CHECK (platform IN ('facebook_page', 'zalo_oa')),
  target_id      text NOT NULL,         -- the page id or the OA id
  sealed         bytea NOT NULL,
  access_expires_at timestamptz,        -- Zalo: when the access token expires (refreshed before)
  updated_by     text NOT NULL,
  updated_at     timestamptz NOT NULL DEFAULT now()
);
ALTER TABLE alert_channel_credential ENABLE ROW LEVEL SECURITY;
ALTER TABLE alert_channel_credential FORCE ROW LEVEL SECURITY;
-- Only within the channel's scope (the outbox work reads it in that scope).
CREATE POLICY alert_channel_credential_all ON alert_channel_credential
  USING (app_in_scope(tenant_path)) WITH CHECK (app_in_scope(tenant_path));
GRANT SELECT, INSERT, UPDATE ON alert_channel_credential TO binhyen_app;
