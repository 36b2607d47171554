-- One-time links with which a new user (or one whose password was reset) sets a password.
-- Only the SHA-256 of the token is stored: the link itself is shown once to the creating admin.
-- No row-level security: redeeming happens before any sign-in; rows hold no secret.
CREATE TABLE user_setup_token (
  token_hash  bytea PRIMARY KEY,
  user_id     bigint NOT NULL REFERENCES app_user (id),
  tenant_path text NOT NULL,
  created_by  bigint,
  created_at  timestamptz NOT NULL DEFAULT now(),
  expires_at  timestamptz NOT NULL,
  used_at     timestamptz
);
-- Issuing a new link for a user voids the older ones.
CREATE INDEX user_setup_token_user ON user_setup_token (user_id) WHERE used_at IS NULL;
GRANT SELECT, INSERT, UPDATE ON user_setup_token TO binhyen_app;

-- A ward's request that the province verify one of its channels, and the decision.
CREATE TABLE channel_verification_request (
  id            bigserial PRIMARY KEY,
  channel_id    bigint NOT NULL REFERENCES channel (id),
  tenant_path   text NOT NULL,
  requested_by  bigint NOT NULL,
  requested_at  timestamptz NOT NULL DEFAULT now(),
  state         text NOT NULL DEFAULT 'requested' CHECK (state IN ('requested', 'approved', 'rejected')),
  decided_by    bigint,
  decided_at    timestamptz,
  reason        text
);
-- At most one open request per channel.
CREATE UNIQUE INDEX channel_verification_open ON channel_verification_request (channel_id)
  WHERE state = 'requested';
-- The approval queue of a subtree is a prefix condition on tenant_path.
CREATE INDEX channel_verification_scope ON channel_verification_request (tenant_path text_pattern_ops)
  WHERE state = 'requested';
ALTER TABLE channel_verification_request ENABLE ROW LEVEL SECURITY;
ALTER TABLE channel_verification_request FORCE ROW LEVEL SECURITY;
-- Visible and writable only inside the transaction's tenant scope.
CREATE POLICY channel_verification_scope ON channel_verification_request
  USING (app_in_scope(tenant_path)) WITH CHECK (app_in_scope(tenant_path));
GRANT SELECT, INSERT, UPDATE ON channel_verification_request TO binhyen_app;
GRANT USAGE ON SEQUENCE channel_verification_request_id_seq TO binhyen_app;

-- The figures a unit reports for each channel (followers or members, posts, questions answered),
-- entered by hand or uploaded as CSV. tenant_path follows the channel (reorganisations rewrite it).
CREATE TABLE channel_figure (
  channel_id          bigint PRIMARY KEY REFERENCES channel (id),
  tenant_path         text NOT NULL,
  followers           bigint NOT NULL DEFAULT 0 CHECK (followers >= 0),
  posts               bigint NOT NULL DEFAULT 0 CHECK (posts >= 0),
  questions_answered  bigint NOT NULL DEFAULT 0 CHECK (questions_answered >= 0),
  updated_at          timestamptz NOT NULL DEFAULT now()
);
-- Roll-up of a subtree: one prefix condition.
CREATE INDEX channel_figure_scope ON channel_figure (tenant_path text_pattern_ops);
ALTER TABLE channel_figure ENABLE ROW LEVEL SECURITY;
ALTER TABLE channel_figure FORCE ROW LEVEL SECURITY;
-- Visible and writable only inside the transaction's tenant scope.
CREATE POLICY channel_figure_scope ON channel_figure
  USING (app_in_scope(tenant_path)) WITH CHECK (app_in_scope(tenant_path));
GRANT SELECT, INSERT, UPDATE ON channel_figure TO binhyen_app;

-- Items a reorganisation placed by a rule rather than by fact (a split unit's channels and users
-- went to the successor the admin chose): an admin should look at them.
CREATE TABLE reorg_review (
  id           bigserial PRIMARY KEY,
  tenant_path  text NOT NULL,             -- the successor that received the item
  kind         text NOT NULL,             -- channel, user, ...
  item_id      bigint NOT NULL,
  from_code    text NOT NULL,
  to_code      text NOT NULL,
  reason       text NOT NULL,
  created_at   timestamptz NOT NULL DEFAULT now(),
  resolved_at  timestamptz
);
CREATE INDEX reorg_review_scope ON reorg_review (tenant_path text_pattern_ops) WHERE resolved_at IS NULL;
ALTER TABLE reorg_review ENABLE ROW LEVEL SECURITY;
ALTER TABLE reorg_review FORCE ROW LEVEL SECURITY;
-- Visible and writable only inside the transaction's tenant scope.
CREATE POLICY reorg_review_scope ON reorg_review
  USING (app_in_scope(tenant_path)) WITH CHECK (app_in_scope(tenant_path));
GRANT SELECT, INSERT, UPDATE ON reorg_review TO binhyen_app;
GRANT USAGE ON SEQUENCE reorg_review_id_seq TO binhyen_app;
