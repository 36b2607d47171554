-- Attestations: the signed statements "this channel is official". The token is public (printed
-- on posters and QR codes), so the table has no row-level security; only the verifier's service
-- writes it, after the access policy allowed the caller on the channel's unit.
CREATE TABLE attestation (
  id             bigserial PRIMARY KEY,
  channel_id     bigint NOT NULL REFERENCES channel (id),
  jti            text NOT NULL UNIQUE,
  kid            text NOT NULL REFERENCES signing_key (kid),
  tenant_code    text NOT NULL,
  token          text NOT NULL,
  issued_at      timestamptz NOT NULL,
  expires_at     timestamptz NOT NULL,
  revoked_at     timestamptz,
  revoked_reason text,
  log_index      bigint NOT NULL            -- the transparency log leaf recording the issuance
);
-- The current attestation of a channel is its latest unrevoked one.
CREATE INDEX attestation_channel ON attestation (channel_id, issued_at DESC);
-- Revoking a key re-issues what it signed.
CREATE INDEX attestation_kid ON attestation (kid) WHERE revoked_at IS NULL;

GRANT SELECT, INSERT, UPDATE ON attestation TO binhyen_app;
GRANT USAGE ON SEQUENCE attestation_id_seq TO binhyen_app;
