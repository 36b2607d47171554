-- Citizens' tips: categories (with their SLA), tips, their events (transitions, replies, messages),
-- attachments, and the roll-up counters maintained by a trigger in the same transaction.

CREATE TABLE tip_category (
  id         text PRIMARY KEY,
  name_vi    text NOT NULL,
  name_en    text NOT NULL,
  sla_hours  int  NOT NULL CHECK (sla_hours > 0),   -- time to first response; change with UPDATE
  position   int  NOT NULL
);
INSERT INTO tip_category (id, name_vi, name_en, sla_hours, position) VALUES
  ('security_order',   'An ninh, trật tự',              'Security and public order', 24, 1),
  ('crime',            'Tố giác tội phạm',              'Criminal tip',              12, 2),
  ('drugs',            'Ma túy',                        'Drugs',                     12, 3),
  ('fraud',            'Lừa đảo, chiếm đoạt tài sản',   'Fraud and scams',           24, 4),
  ('traffic',          'Giao thông',                    'Traffic',                   48, 5),
  ('fire',             'Cháy, nổ',                      'Fire',                       2, 6),
  ('officer_conduct',  'Phản ánh cán bộ',               'Officer conduct',           72, 7),
  ('admin_question',   'Hỏi đáp thủ tục hành chính',    'Administrative question',   72, 8),
  ('other',            'Khác',                          'Other',                     72, 9);
GRANT SELECT ON tip_category TO binhyen_app;

-- One tip. tenant_path is the handling unit (changes on forward/escalate/reorganisation);
-- key_tenant names the unit whose derived key sealed contact/account (it never changes).
-- Not partitioned yet (docs/tips.md explains why and how: LIST on the province code).
CREATE TABLE tip (
  id                bigserial PRIMARY KEY,
  receipt           text NOT NULL UNIQUE,
  secret_hash       bytea NOT NULL,
  tenant_id         bigint NOT NULL REFERENCES tenant (id),
  tenant_path       text NOT NULL,
  key_tenant        text NOT NULL,
  category          text NOT NULL REFERENCES tip_category (id),
  status            text NOT NULL DEFAULT 'received' CHECK (status IN
                      ('received', 'triaged', 'assigned', 'in_progress', 'resolved', 'rejected')),
  source            text NOT NULL CHECK (source IN ('web', 'officer', 'facebook', 'zalo')),
  source_message_id text,
  body              text NOT NULL,
  body_folded       text NOT NULL,
  place             text,
  occurred          text,
  contact_sealed    bytea,           -- AES-GCM under masterKey.derive('tenant:' || key_tenant)
  account_sealed    bytea,           -- the platform account id (PSID, Zalo user id), same key
  assignee          text,
  reject_reason     text,
  received_at       timestamptz NOT NULL DEFAULT now(),
  received_day      date NOT NULL,   -- in Asia/Ho_Chi_Minh: the roll-ups' day
  sla_due_at        timestamptz NOT NULL,
  first_response_at timestamptz,
  sla_breached      boolean NOT NULL DEFAULT false,
  updated_at        timestamptz NOT NULL DEFAULT now(),
  -- Webhook redeliveries are the same tip.
  UNIQUE (source, source_message_id)
);
-- The officer inbox: the unit's tips by status and recency.
CREATE INDEX tip_inbox ON tip (tenant_path text_pattern_ops, status, received_at DESC);
CREATE INDEX tip_inbox_recent ON tip (tenant_path, received_at DESC);
-- The SLA sweep: open tips not answered yet, by deadline.
CREATE INDEX tip_sla_open ON tip (sla_due_at) WHERE first_response_at IS NULL AND NOT sla_breached;
CREATE INDEX tip_tenant ON tip (tenant_id);

ALTER TABLE tip ENABLE ROW LEVEL SECURITY;
ALTER TABLE tip FORCE ROW LEVEL SECURITY;
-- A tip is visible and writable only inside the transaction's tenant scope.
CREATE POLICY tip_scope ON tip USING (app_in_scope(tenant_path)) WITH CHECK (app_in_scope(tenant_path));
GRANT SELECT, INSERT, UPDATE ON tip TO binhyen_app;
GRANT USAGE ON SEQUENCE tip_id_seq TO binhyen_app;

-- What happened to a tip: transitions (from/to status), replies to the citizen, the citizen's
-- messages, internal notes, identity reveals. Visibility follows the tip's own.
CREATE TABLE tip_event (
  id          bigserial PRIMARY KEY,
  tip_id      bigint NOT NULL REFERENCES tip (id),
  kind        text NOT NULL CHECK (kind IN ('transition', 'reply', 'citizen', 'note')),
  action      text,
  from_status text,
  to_status   text,
  actor_id    bigint,
  actor_name  text NOT NULL,
  unit_path   text NOT NULL,        -- the handling unit when it happened
  note        text,
  at          timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX tip_event_tip ON tip_event (tip_id, id);
ALTER TABLE tip_event ENABLE ROW LEVEL SECURITY;
ALTER TABLE tip_event FORCE ROW LEVEL SECURITY;
-- Visible exactly when its tip is (the tip's policy applies inside the subquery).
CREATE POLICY tip_event_read ON tip_event FOR SELECT
  USING (EXISTS (SELECT 1 FROM tip t WHERE t.id = tip_id));
-- Inserted only for the unit handling the tip at the time, which must be in scope. (Not an
-- EXISTS on tip: the first event is inserted in the same statement as its tip, which a
-- subquery of that statement cannot see yet.)
CREATE POLICY tip_event_insert ON tip_event FOR INSERT
  WITH CHECK (app_in_scope(unit_path));
GRANT SELECT, INSERT ON tip_event TO binhyen_app;
GRANT USAGE ON SEQUENCE tip_event_id_seq TO binhyen_app;

-- Attachments: content-addressed files (sha256) in the attachment store.
CREATE TABLE tip_attachment (
  id          bigserial PRIMARY KEY,
  tip_id      bigint NOT NULL REFERENCES tip (id),
  sha256      text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  media_type  text NOT NULL,
  size_bytes  bigint NOT NULL,
  file_name   text,
  remote_url  text,                  -- platform attachments not fetched yet
  at          timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX tip_attachment_tip ON tip_attachment (tip_id);
ALTER TABLE tip_attachment ENABLE ROW LEVEL SECURITY;
ALTER TABLE tip_attachment FORCE ROW LEVEL SECURITY;
-- Same visibility as the tip.
CREATE POLICY tip_attachment_scope ON tip_attachment
  USING (EXISTS (SELECT 1 FROM tip t WHERE t.id = tip_id))
  WITH CHECK (EXISTS (SELECT 1 FROM tip t WHERE t.id = tip_id));
GRANT SELECT, INSERT ON tip_attachment TO binhyen_app;
GRANT USAGE ON SEQUENCE tip_attachment_id_seq TO binhyen_app;

-- A citizen follows a tip up by receipt code before any unit is known: this definer function is
-- the one way to find a tip across tenants, and it returns only what the secret check needs.
CREATE FUNCTION tip_locate(p_receipt text)
  RETURNS TABLE (id bigint, tenant_path text, secret_hash bytea)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
    SELECT id, tenant_path, secret_hash FROM tip WHERE receipt = p_receipt
  $$;
-- Webhook redeliveries: find the tip already made from a platform message.
CREATE FUNCTION tip_by_message(p_source text, p_message_id text)
  RETURNS TABLE (id bigint, tenant_path text)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
    SELECT id, tenant_path FROM tip WHERE source = p_source AND source_message_id = p_message_id
  $$;
REVOKE ALL ON FUNCTION tip_locate(text), tip_by_message(text, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION tip_locate(text), tip_by_message(text, text) TO binhyen_app;
