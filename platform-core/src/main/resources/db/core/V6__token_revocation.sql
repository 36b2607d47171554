-- Sign-outs and revoked users, kept until every access token they cover has expired, so a full
-- cluster restart or a node that missed the cluster message still refuses them. The id is the
-- revision: a node remembers the highest id it has loaded and asks only for newer rows.
CREATE TABLE token_revocation (
  id          bigserial PRIMARY KEY,
  subject     text NOT NULL,            -- 'sid:<session uuid>' or 'user:<user id>'
  revoked_at  bigint NOT NULL,          -- epoch seconds: tokens issued up to then are refused
  expires_at  timestamptz NOT NULL
);
-- Backs the sweep of expired rows.
CREATE INDEX token_revocation_expires ON token_revocation (expires_at);
GRANT SELECT, INSERT, DELETE ON token_revocation TO binhyen_app;
GRANT USAGE ON SEQUENCE token_revocation_id_seq TO binhyen_app;
