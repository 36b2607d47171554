-- The application's queries run as this non-superuser role (the pool does SET ROLE on every new
-- connection), so row-level security policies apply to them. Superusers and table owners bypass
-- RLS (STACK.md), which is why the owner that runs migrations is not the role that serves requests.
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'binhyen_app') THEN
    CREATE ROLE binhyen_app NOLOGIN NOSUPERUSER NOBYPASSRLS;
  END IF;
  EXECUTE format('GRANT binhyen_app TO %I', current_user);
END
$$;

GRANT USAGE ON SCHEMA public TO binhyen_app;

-- The tenant scope of the current transaction, set by Db.inScope with set_config(..., true).
-- A tenant-owned row is visible when its path is the scope or below it. With no scope set, nothing.
CREATE FUNCTION app_in_scope(row_path text) RETURNS boolean
  LANGUAGE sql STABLE AS $$
    SELECT coalesce(current_setting('app.scope', true), '') <> ''
       AND (row_path = current_setting('app.scope', true)
            OR row_path LIKE current_setting('app.scope', true) || '/%')
  $$;
