-- Signed scam alerts (issue 17): a unit writes one alert for its subtree or chosen units inside
-- it; the alert and its cancellation are compact JWS signed with the unit's province key and
-- logged in the transparency log. The id is the token's jti.
CREATE TABLE alert (
  id               text PRIMARY KEY,
  tenant_id        bigint NOT NULL REFERENCES tenant (id),
  tenant_path      text NOT NULL,        -- the issuing unit
  tenant_code      text NOT NULL,
  tenant_name      text NOT NULL,
  title            text NOT NULL,
  body             text NOT NULL,
  title_en         text,
  body_en          text,
  severity         text NOT NULL CHECK (severity IN ('minor', 'moderate', 'severe', 'extreme')),
  category         text,
  scope_subtree    boolean NOT NULL,     -- true: the issuer's whole subtree (scope_paths = {tenant_path})
  scope_codes      text[] NOT NULL,      -- the units in scope (each with its subtree)
  scope_paths      text[] NOT NULL,      -- their paths when issued
  scope_names      text[] NOT NULL,
  replaces         text REFERENCES alert (id),
  kid              text NOT NULL REFERENCES signing_key (kid),
  token            text NOT NULL,
  log_index        bigint NOT NULL,      -- the transparency log leaf recording the issuance
  issued_at        timestamptz NOT NULL,
  expires_at       timestamptz NOT NULL,
  issued_by        text NOT NULL,
  cancelled_at     timestamptz,
  cancel_reason    text,
  replaced_by      text REFERENCES alert (id),   -- set when an update cancelled it
  cancel_token     text,                 -- the signed cancellation
  cancel_log_index bigint,
  CHECK ((cancelled_at IS NULL) = (cancel_token IS NULL))
);
-- A unit's own alerts, newest first.
CREATE INDEX alert_issuer ON alert (tenant_path text_pattern_ops, issued_at DESC);
-- The alerts that apply to a unit (its own and its ancestors') are found by the paths in scope.
CREATE INDEX alert_scope ON alert USING gin (scope_paths);
-- One update per alert: two updates racing each other cannot both replace it.
CREATE UNIQUE INDEX alert_replaces ON alert (replaces) WHERE replaces IS NOT NULL;

ALTER TABLE alert ENABLE ROW LEVEL SECURITY;
ALTER TABLE alert FORCE ROW LEVEL SECURITY;
-- Alerts are public documents (CAP, Atom, the citizen page): anyone reads them, including the
-- wards below the issuer. Issuing and cancelling need the issuing unit's scope.
CREATE POLICY alert_read ON alert FOR SELECT USING (true);
CREATE POLICY alert_insert ON alert FOR INSERT WITH CHECK (app_in_scope(tenant_path));
CREATE POLICY alert_update ON alert FOR UPDATE
  USING (app_in_scope(tenant_path)) WITH CHECK (app_in_scope(tenant_path));
GRANT SELECT, INSERT, UPDATE ON alert TO binhyen_app;
