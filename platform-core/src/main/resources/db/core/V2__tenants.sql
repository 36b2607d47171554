-- The tenant hierarchy: one row per administrative unit, current or historical.
-- Identity is the id, not the code: codes are reused across the 2025 reform.
CREATE TABLE tenant (
  id          bigserial PRIMARY KEY,
  code        text NOT NULL,
  name        text NOT NULL,
  name_folded text NOT NULL,              -- lower case, no diacritics, đ→d: search without accents
  level       text NOT NULL CHECK (level IN ('ministry', 'province', 'district', 'commune')),
  parent_id   bigint REFERENCES tenant (id),
  path        text NOT NULL,              -- codes from the root joined by '/', e.g. BCA/01/00004
  depth       int  NOT NULL,
  valid_from  date NOT NULL DEFAULT DATE '1900-01-01',
  valid_to    date,                       -- null while the unit exists
  created_at  timestamptz NOT NULL DEFAULT now(),
  updated_at  timestamptz NOT NULL DEFAULT now(),
  CHECK (valid_to IS NULL OR valid_to >= valid_from)
);

-- Resolve-by-code and the tree are about current units: unique among those only.
CREATE UNIQUE INDEX tenant_current_code ON tenant (code) WHERE valid_to IS NULL;
CREATE UNIQUE INDEX tenant_current_path ON tenant (path) WHERE valid_to IS NULL;
-- "This unit and everything below it" is one prefix condition on path.
CREATE INDEX tenant_path_prefix ON tenant (path text_pattern_ops);
CREATE INDEX tenant_parent ON tenant (parent_id) WHERE valid_to IS NULL;
-- Name search without accents.
CREATE INDEX tenant_name_folded ON tenant (name_folded text_pattern_ops);

-- Where a closed unit went: one row per successor (a split has several).
CREATE TABLE tenant_successor (
  tenant_id    bigint NOT NULL REFERENCES tenant (id),
  successor_id bigint NOT NULL REFERENCES tenant (id),
  effective    date   NOT NULL,
  PRIMARY KEY (tenant_id, successor_id)
);

-- The tenant directory is public information (unit names and codes): no row-level security,
-- but the application role may not delete units (history is kept).
GRANT SELECT, INSERT, UPDATE ON tenant, tenant_successor TO binhyen_app;
GRANT USAGE ON SEQUENCE tenant_id_seq TO binhyen_app;
