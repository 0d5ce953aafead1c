-- Issue 13: one import of 1 MB of "_a" held its request for more than five minutes.
-- PostgreSQL's text-search parser backtracks over a run of characters without spaces
-- when it tries to read the run as an email address, host or file path, so its time grows
-- with the square of the run's length (20,000 characters of "a_" take 4 s, 1 MB minutes).
-- Runs longer than 64 characters are cut into pieces of 64 before parsing: no word or
-- name a person searches for is that long, and parsing stays linear in the text.
-- Search still reads the whole text of every section, angle brackets blanked as before.
DROP INDEX "Section_search_idx";
ALTER TABLE "Section" DROP COLUMN "search", ADD COLUMN "search" tsvector
  GENERATED ALWAYS AS (
    CASE WHEN "text" ~ '[^[:space:]]'
      THEN to_tsvector(
        'english',
        regexp_replace(translate(coalesce("title", '') || ' ' || "text", '<>', '  '), '[^[:space:]]{64}', '\& ', 'g')
      )
      ELSE ''::tsvector END
  ) STORED;
CREATE INDEX "Section_search_idx" ON "Section" USING GIN ("search") WITH (fastupdate = off);
