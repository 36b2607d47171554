-- The transparency log: an append-only list of leaves hashed as RFC 9162 says (leaf hash =
-- SHA-256(0x00 || leaf_input)), and the signed tree heads (C2SP checkpoints) published over it.
CREATE TABLE translog_leaf (
  idx        bigint PRIMARY KEY CHECK (idx >= 0),
  leaf_input bytea NOT NULL,                -- canonical JSON of the event, UTF-8
  leaf_hash  bytea NOT NULL CHECK (length(leaf_hash) = 32),
  created_at timestamptz NOT NULL DEFAULT now()
);
-- Inclusion proofs by leaf hash.
CREATE INDEX translog_leaf_hash ON translog_leaf (leaf_hash);

CREATE TABLE translog_head (
  size       bigint PRIMARY KEY CHECK (size >= 0),
  root_hash  bytea NOT NULL CHECK (length(root_hash) = 32),
  checkpoint text NOT NULL,                 -- the signed note
  signed_at  timestamptz NOT NULL DEFAULT now()
);

-- Append-only for the application: no UPDATE, no DELETE, ever.
GRANT SELECT, INSERT ON translog_leaf, translog_head TO binhyen_app;
