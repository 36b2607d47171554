-- Signing keys of the chain of trust: the ministry's root key, the key that signs the
-- transparency log's tree heads, and one issuing key per province certified by the root.
-- Public keys are public (published as a JWKS); private keys are sealed with the master key's
-- "signing-keys" sub-key (AES-GCM), so a database dump alone cannot sign anything.
-- No row-level security: keys belong to the trust plane, not to a tenant's data.
CREATE TABLE signing_key (
  kid            text PRIMARY KEY,            -- base64url of the first 16 bytes of SHA-256(public key)
  purpose        text NOT NULL CHECK (purpose IN ('root', 'issuing', 'log')),
  tenant_code    text NOT NULL,               -- BCA for the root and log keys, the province code otherwise
  public_key     bytea NOT NULL CHECK (length(public_key) = 32),
  sealed_private bytea NOT NULL,
  certificate    text,                        -- the root's KeyCertificate token (issuing keys only)
  status         text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'retired', 'revoked')),
  created_at     timestamptz NOT NULL DEFAULT now(),
  retired_at     timestamptz,
  revoked_at     timestamptz,
  revoked_reason text,
  CHECK (purpose <> 'issuing' OR certificate IS NOT NULL)
);
-- At most one active key per purpose and unit: two nodes racing to create one, one wins (23505).
CREATE UNIQUE INDEX signing_key_one_active ON signing_key (purpose, tenant_code) WHERE status = 'active';

-- Keys are never deleted: a retired key must stay verifiable, a revoked one must stay known as revoked.
GRANT SELECT, INSERT, UPDATE ON signing_key TO binhyen_app;
