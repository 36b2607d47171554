-- Users, bound to one tenant, with one role. tenant_path is denormalised for row-level security.
CREATE TABLE app_user (
  id              bigserial PRIMARY KEY,
  username        text NOT NULL UNIQUE CHECK (username = lower(username)),
  display_name    text NOT NULL,
  tenant_id       bigint NOT NULL REFERENCES tenant (id),
  tenant_path     text NOT NULL,
  role            text NOT NULL CHECK (role IN ('MINISTRY_ADMIN', 'UNIT_ADMIN', 'OFFICER', 'SUPERVISOR')),
  password_hash   text,                   -- null until the user sets a password
  disabled        boolean NOT NULL DEFAULT false,
  created_at      timestamptz NOT NULL DEFAULT now(),
  password_set_at timestamptz
);
CREATE INDEX app_user_tenant_path ON app_user (tenant_path text_pattern_ops);

ALTER TABLE app_user ENABLE ROW LEVEL SECURITY;
ALTER TABLE app_user FORCE ROW LEVEL SECURITY;
-- A user row is visible and writable only inside the transaction's tenant scope.
CREATE POLICY app_user_scope ON app_user
  USING (app_in_scope(tenant_path)) WITH CHECK (app_in_scope(tenant_path));
GRANT SELECT, INSERT, UPDATE ON app_user TO binhyen_app;
GRANT USAGE ON SEQUENCE app_user_id_seq TO binhyen_app;

-- Log-in happens before any tenant is known: this definer function is the one way to read a
-- credential across tenants, and it returns only what log-in needs.
CREATE FUNCTION auth_find_user(p_username text)
  RETURNS TABLE (id bigint, username text, display_name text, tenant_id bigint, tenant_path text,
                 role text, password_hash text, disabled boolean)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
    SELECT id, username, display_name, tenant_id, tenant_path, role, password_hash, disabled
      FROM app_user WHERE username = lower(p_username)
  $$;
CREATE FUNCTION auth_find_user_by_id(p_id bigint)
  RETURNS TABLE (id bigint, username text, display_name text, tenant_id bigint, tenant_path text,
                 role text, password_hash text, disabled boolean)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
    SELECT id, username, display_name, tenant_id, tenant_path, role, password_hash, disabled
      FROM app_user WHERE id = p_id
  $$;
REVOKE ALL ON FUNCTION auth_find_user(text), auth_find_user_by_id(bigint) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION auth_find_user(text), auth_find_user_by_id(bigint) TO binhyen_app;

-- Refresh tokens: stored as SHA-256 hashes; one family per log-in. Presenting a used token
-- again revokes the whole family (token theft).
CREATE TABLE refresh_token (
  token_hash  bytea PRIMARY KEY,
  family_id   uuid NOT NULL,
  user_id     bigint NOT NULL REFERENCES app_user (id),
  issued_at   timestamptz NOT NULL DEFAULT now(),
  expires_at  timestamptz NOT NULL,
  used_at     timestamptz,
  revoked_at  timestamptz
);
CREATE INDEX refresh_token_family ON refresh_token (family_id);
CREATE INDEX refresh_token_user ON refresh_token (user_id);
GRANT SELECT, INSERT, UPDATE ON refresh_token TO binhyen_app;

-- Platform secrets (the JWT signing key, ...), each sealed under the master key.
CREATE TABLE platform_secret (
  name        text PRIMARY KEY,
  sealed      bytea NOT NULL,
  created_at  timestamptz NOT NULL DEFAULT now()
);
GRANT SELECT, INSERT ON platform_secret TO binhyen_app;
