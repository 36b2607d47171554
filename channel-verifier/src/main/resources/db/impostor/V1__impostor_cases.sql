-- Impostor cases: one per suspected channel (merged by its normalised link, or by the folded
-- name when a report gave no link), owned by the unit whose official channel it imitates.
CREATE TABLE impostor_case (
  id                  bigserial PRIMARY KEY,
  tenant_id           bigint NOT NULL REFERENCES tenant (id),
  tenant_path         text NOT NULL,
  merge_key           text NOT NULL,
  normalized_link     text,
  platform            text,
  display_name        text,
  about               text,
  status              text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'confirmed', 'dismissed')),
  verdict             text NOT NULL,
  score               double precision NOT NULL,
  reasons             jsonb NOT NULL DEFAULT '[]',
  imitated            jsonb,            -- the official channel it imitates, as scored at first report
  report_count        int NOT NULL DEFAULT 1,
  first_reported_at   timestamptz NOT NULL DEFAULT now(),
  last_reported_at    timestamptz NOT NULL DEFAULT now(),
  decided_at          timestamptz,
  decided_by          bigint,
  decided_by_name     text,
  decision_note       text,
  confirmed_by_code   text,             -- the unit that confirmed it, published with the impostor
  confirmed_by_name   text
);
-- Duplicates of the same channel merge into one case.
CREATE UNIQUE INDEX impostor_case_merge ON impostor_case (merge_key);
-- A unit's queue, by status, newest first.
CREATE INDEX impostor_case_queue ON impostor_case (tenant_path text_pattern_ops, status, last_reported_at DESC);
-- The published list and the scorer's directory.
CREATE INDEX impostor_case_confirmed ON impostor_case (decided_at DESC) WHERE status = 'confirmed';

ALTER TABLE impostor_case ENABLE ROW LEVEL SECURITY;
ALTER TABLE impostor_case FORCE ROW LEVEL SECURITY;
-- Confirmed impostors are published (the public list and the scorer read them anywhere); open and
-- dismissed cases only inside the owning unit's scope. Every write needs the scope.
CREATE POLICY impostor_case_read ON impostor_case FOR SELECT
  USING (app_in_scope(tenant_path) OR status = 'confirmed');
CREATE POLICY impostor_case_insert ON impostor_case FOR INSERT WITH CHECK (app_in_scope(tenant_path));
CREATE POLICY impostor_case_update ON impostor_case FOR UPDATE
  USING (app_in_scope(tenant_path)) WITH CHECK (app_in_scope(tenant_path));
GRANT SELECT, INSERT, UPDATE ON impostor_case TO binhyen_app;
GRANT USAGE ON SEQUENCE impostor_case_id_seq TO binhyen_app;

-- Citizens' reports (anonymous: no address or account is stored), each attached to one case.
CREATE TABLE impostor_report (
  id                bigserial PRIMARY KEY,
  case_id           bigint NOT NULL REFERENCES impostor_case (id),
  tenant_path       text NOT NULL,      -- the case's unit, for row-level security
  link              text,
  display_name      text,
  about             text,
  area_code         text,
  note              text,
  verdict           text NOT NULL,
  score             double precision NOT NULL,
  upload_token_hash bytea NOT NULL,     -- SHA-256 of the one-time token that lets the reporter attach a screenshot
  screenshot_sha256 text,
  screenshot_type   text,
  screenshot_bytes  int,
  created_at        timestamptz NOT NULL DEFAULT now()
);
-- A case's evidence.
CREATE INDEX impostor_report_case ON impostor_report (case_id, created_at);

ALTER TABLE impostor_report ENABLE ROW LEVEL SECURITY;
ALTER TABLE impostor_report FORCE ROW LEVEL SECURITY;
-- Reports are visible and writable only inside the owning unit's scope.
CREATE POLICY impostor_report_scope ON impostor_report
  USING (app_in_scope(tenant_path)) WITH CHECK (app_in_scope(tenant_path));
GRANT SELECT, INSERT, UPDATE ON impostor_report TO binhyen_app;
GRANT USAGE ON SEQUENCE impostor_report_id_seq TO binhyen_app;
