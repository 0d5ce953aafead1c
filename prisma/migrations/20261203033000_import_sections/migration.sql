-- Real design docs (issue 15).

-- A doc may have sections beyond its template: headings an imported file has and the
-- template lacks, and sections editors add. Those are the ones editors may rename,
-- move and remove. The old catch-all section of imports is one of them.
ALTER TABLE "Section" ADD COLUMN "extra" BOOLEAN NOT NULL DEFAULT false;
UPDATE "Section" SET "extra" = true WHERE "key" = 'imported-notes';

-- Search reads the whole text of every section. The text-search parser takes a "<script"
-- or "<style" in the text for markup and drops every word after it, so angle brackets are
-- blanked first. An empty section is no hit, whatever its title says.
DROP INDEX "Section_search_idx";
ALTER TABLE "Section" DROP COLUMN "search", ADD COLUMN "search" tsvector
  GENERATED ALWAYS AS (
    CASE WHEN "text" ~ '[^[:space:]]'
      THEN to_tsvector('english', translate(coalesce("title", '') || ' ' || "text", '<>', '  '))
      ELSE ''::tsvector END
  ) STORED;
CREATE INDEX "Section_search_idx" ON "Section" USING GIN ("search") WITH (fastupdate = off);
