-- The transactional outbox: work that must follow a committed change (issue an attestation after
-- an approval, re-issue after a reorganisation, tell every node's caches) and work received that
-- must not be lost (a webhook delivery before its 200). A row is written in the same transaction
-- as the change; a relay on every node claims due rows (a lease: next_attempt_at moves ahead),
-- runs the topic's handler and deletes the row, or schedules a retry with backoff. Delivery is at
-- least once: every handler is idempotent. Platform-level rows: no tenant scope, no row security.
CREATE TABLE outbox (
  id               bigserial PRIMARY KEY,
  topic            text NOT NULL,
  payload          jsonb NOT NULL,
  created_at       timestamptz NOT NULL DEFAULT now(),
  attempts         integer NOT NULL DEFAULT 0,
  next_attempt_at  timestamptz NOT NULL DEFAULT now(),
  last_error       text
);
CREATE INDEX outbox_due ON outbox (next_attempt_at);
GRANT SELECT, INSERT, UPDATE, DELETE ON outbox TO binhyen_app;
GRANT USAGE ON SEQUENCE outbox_id_seq TO binhyen_app;
