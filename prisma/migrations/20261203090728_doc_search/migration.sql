-- Search (issue 16).

-- One search vector per doc: its title and every section, kept by triggers. Words that
-- are common apart but rare together ("latency cache") are then one GIN lookup over
-- docs instead of a walk of the workspace (lib/docs/list-docs.ts).
ALTER TABLE "Document" ADD COLUMN "searchAll" tsvector;

-- The same words as the title and section vectors (an empty section adds nothing), runs
-- without spaces cut every 64 characters as for the section index (20261203081201).
CREATE FUNCTION doc_search_all(doc_id TEXT, doc_title TEXT) RETURNS tsvector AS $$
  SELECT to_tsvector('english', regexp_replace(translate(coalesce(doc_title, '') || ' ' || coalesce((
    SELECT string_agg(coalesce(s.title, '') || ' ' || s.text, ' ' ORDER BY s."order")
    FROM "Section" s WHERE s."documentId" = doc_id AND s.text ~ '[^[:space:]]'), ''), '<>', '  '),
    '[^[:space:]]{64}', '\& ', 'g'))
$$ LANGUAGE SQL STABLE;

UPDATE "Document" SET "searchAll" = doc_search_all(id, title);
CREATE INDEX "Document_searchAll_idx" ON "Document" USING GIN ("searchAll") WITH (fastupdate = off);

CREATE FUNCTION section_search_all_trigger() RETURNS trigger AS $$
DECLARE
  doc_id TEXT := CASE WHEN TG_OP = 'DELETE' THEN OLD."documentId" ELSE NEW."documentId" END;
BEGIN
  UPDATE "Document" SET "searchAll" = doc_search_all(id, title) WHERE id = doc_id;
  RETURN NULL;
END
$$ LANGUAGE plpgsql;

CREATE TRIGGER "Section_searchAll" AFTER INSERT OR DELETE OR UPDATE OF "text", "title" ON "Section"
  FOR EACH ROW EXECUTE FUNCTION section_search_all_trigger();

CREATE FUNCTION document_search_all_trigger() RETURNS trigger AS $$
BEGIN
  NEW."searchAll" := doc_search_all(NEW.id, NEW.title);
  RETURN NEW;
END
$$ LANGUAGE plpgsql;

CREATE TRIGGER "Document_searchAll" BEFORE INSERT OR UPDATE OF "title" ON "Document"
  FOR EACH ROW EXECUTE FUNCTION document_search_all_trigger();

-- Comments are searched too: a hit names its thread.
ALTER TABLE "Comment" ADD COLUMN "search" tsvector
  GENERATED ALWAYS AS (to_tsvector('english', translate(coalesce("text", ''), '<>', '  '))) STORED;
CREATE INDEX "Comment_search_idx" ON "Comment" USING GIN ("search") WITH (fastupdate = off);
