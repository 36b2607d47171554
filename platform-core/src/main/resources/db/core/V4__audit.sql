-- Append-only audit log of administrative actions. The application role may insert and read
-- (within its scope) but never update or delete; a trigger refuses it even for the owner.
CREATE TABLE audit_log (
  id          bigserial PRIMARY KEY,
  at          timestamptz NOT NULL DEFAULT now(),
  actor_id    bigint,
  actor_name  text NOT NULL,
  tenant_path text NOT NULL,
  action      text NOT NULL,
  target      text NOT NULL,
  before      jsonb,
  after       jsonb,
  request_id  text
);
CREATE INDEX audit_log_scope ON audit_log (tenant_path text_pattern_ops, at DESC);

ALTER TABLE audit_log ENABLE ROW LEVEL SECURITY;
ALTER TABLE audit_log FORCE ROW LEVEL SECURITY;
-- Visible and insertable only inside the transaction's tenant scope.
CREATE POLICY audit_log_scope ON audit_log
  USING (app_in_scope(tenant_path)) WITH CHECK (app_in_scope(tenant_path));
GRANT SELECT, INSERT ON audit_log TO binhyen_app;
GRANT USAGE ON SEQUENCE audit_log_id_seq TO binhyen_app;

CREATE FUNCTION audit_log_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only' USING ERRCODE = '42501';
END
$$;
CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_is_append_only();
