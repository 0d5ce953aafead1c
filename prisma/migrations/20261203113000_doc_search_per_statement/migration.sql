-- The doc-wide search vector (20261203090728_doc_search) once per statement, not once per row.

-- Per row, an import of a 150 KB file with 168 sections rebuilt the whole doc's vector 168
-- times in its one UPDATE of their content (about 20 s on the shared machine, past the
-- import's 30 s transaction under load). Per statement, each doc touched is rebuilt once,
-- from the rows as the statement left them (transition tables).
DROP TRIGGER "Section_searchAll" ON "Section";
DROP FUNCTION section_search_all_trigger();

CREATE FUNCTION section_search_all_statement() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    UPDATE "Document" d SET "searchAll" = doc_search_all(d.id, d.title)
    WHERE d.id IN (SELECT n."documentId" FROM new_rows n);
  ELSIF TG_OP = 'DELETE' THEN
    UPDATE "Document" d SET "searchAll" = doc_search_all(d.id, d.title)
    WHERE d.id IN (SELECT o."documentId" FROM old_rows o);
  ELSE
    -- Only a changed text or title changes what is searched (saves also bump versions, locks, stamps).
    UPDATE "Document" d SET "searchAll" = doc_search_all(d.id, d.title)
    WHERE d.id IN (
      SELECT unnest(ARRAY[n."documentId", o."documentId"]) FROM new_rows n JOIN old_rows o ON o.id = n.id
      WHERE n.text IS DISTINCT FROM o.text OR n.title IS DISTINCT FROM o.title
        OR n."documentId" IS DISTINCT FROM o."documentId");
  END IF;
  RETURN NULL;
END
$$ LANGUAGE plpgsql;

-- Transition tables allow one event per trigger, and no column list: three triggers.
CREATE TRIGGER "Section_searchAll_insert" AFTER INSERT ON "Section"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION section_search_all_statement();
CREATE TRIGGER "Section_searchAll_update" AFTER UPDATE ON "Section"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION section_search_all_statement();
CREATE TRIGGER "Section_searchAll_delete" AFTER DELETE ON "Section"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION section_search_all_statement();
