-- Channels: a page, account or group on a platform, owned by one tenant. The normalised
-- identifier is unique across the country: one identifier belongs to one channel.
CREATE TABLE channel (
  id             bigserial PRIMARY KEY,
  tenant_id      bigint NOT NULL REFERENCES tenant (id),
  tenant_path    text NOT NULL,
  platform       text NOT NULL CHECK (platform IN ('zalo_oa', 'zalo_group', 'facebook_page',
                   'facebook_group', 'youtube', 'tiktok', 'website')),
  normalized_id  text NOT NULL UNIQUE,
  url            text NOT NULL,
  display_name   text NOT NULL,
  name_folded    text NOT NULL,
  status         text NOT NULL DEFAULT 'pending'
                   CHECK (status IN ('pending', 'verified', 'suspended', 'revoked')),
  serves         text,            -- for groups: the residential cluster / village / hamlet served
  admins         text,            -- who administers the page or group (names, as the unit records them)
  archived       boolean NOT NULL DEFAULT false,
  status_reason  text,
  verified_at    timestamptz,
  created_at     timestamptz NOT NULL DEFAULT now(),
  updated_at     timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX channel_tenant_path ON channel (tenant_path text_pattern_ops);
CREATE INDEX channel_tenant ON channel (tenant_id);

ALTER TABLE channel ENABLE ROW LEVEL SECURITY;
ALTER TABLE channel FORCE ROW LEVEL SECURITY;
-- Published channels (verified, suspended, revoked) are public: citizens verify against them.
-- Pending channels are visible only inside the owner's scope; every write needs the scope.
CREATE POLICY channel_read ON channel FOR SELECT
  USING (app_in_scope(tenant_path) OR status <> 'pending');
CREATE POLICY channel_insert ON channel FOR INSERT WITH CHECK (app_in_scope(tenant_path));
CREATE POLICY channel_update ON channel FOR UPDATE
  USING (app_in_scope(tenant_path)) WITH CHECK (app_in_scope(tenant_path));
GRANT SELECT, INSERT, UPDATE ON channel TO binhyen_app;
GRANT USAGE ON SEQUENCE channel_id_seq TO binhyen_app;
