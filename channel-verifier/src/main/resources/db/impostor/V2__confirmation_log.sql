-- A confirmation is appended to the transparency log like an issuance: the leaf index is kept on
-- the case and published in the impostor feed, so a platform reading the feed can check that the
-- confirmation was logged (and that none was removed later). Cases confirmed before this column
-- have none.
ALTER TABLE impostor_case ADD COLUMN log_index bigint;
