-- Tip intake, made cheaper per tip (docs/benchmarks.md, "Tips": measured with perf on the
-- backends of a loaded node, the foreign-key checks were 12 % of their CPU).
--
-- The foreign keys from tip to tenant and to tip_category go. Each checked every inserted tip
-- with a query and a FOR KEY SHARE lock on the referenced row, and every tip of a batch (and of
-- the concurrent batches) references the same unit and the same few categories: hot rows locked
-- by every writer at once (shared row locks taken by several transactions become multixacts).
-- The application only writes a tip for a unit it just read from the tenant directory and a
-- category from tip_category (TipService refuses any other), and neither table loses a row:
-- units close (valid_to) and stay, categories are reference data changed by migrations. The
-- guards below make "never loses a row a tip refers to" a rule of the database.
ALTER TABLE tip DROP CONSTRAINT tip_tenant_id_fkey;
ALTER TABLE tip DROP CONSTRAINT tip_category_fkey;

CREATE FUNCTION tip_category_no_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'tip categories are never deleted (tips refer to them): %', OLD.id
    USING ERRCODE = 'restrict_violation';
END
$$;
CREATE TRIGGER tip_category_no_delete BEFORE DELETE ON tip_category
  FOR EACH ROW EXECUTE FUNCTION tip_category_no_delete();

-- A definer function: it must see every tip, whatever the deleting transaction's scope.
CREATE FUNCTION tenant_no_delete_with_tips() RETURNS trigger
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM tip WHERE tenant_id = OLD.id) THEN
    RAISE EXCEPTION 'unit % has tips and cannot be deleted (close it instead)', OLD.code
      USING ERRCODE = 'restrict_violation';
  END IF;
  RETURN OLD;
END
$$;
REVOKE ALL ON FUNCTION tenant_no_delete_with_tips() FROM PUBLIC;
CREATE TRIGGER tenant_no_delete_with_tips BEFORE DELETE ON tenant
  FOR EACH ROW EXECUTE FUNCTION tenant_no_delete_with_tips();
