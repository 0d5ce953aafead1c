-- The doc-wide search vector (20261203090728_doc_search) from the sections' stored vectors, not their text again.

-- doc_search_all parsed the whole doc's text on every change of any section: ~100 ms for a 150 KB doc on the shared
-- machine, once per statement of an import's content (three or more) and once per section save. Each section's
-- "search" already holds the same words parsed the same way (its title and text, runs cut every 64 characters, angle
-- brackets blanked, and '' for an empty section: 20261203081201), so the doc's vector is the title's vector followed by
-- the sections' in order: the same lexemes, positions shifted by tsvector concatenation as they would be in the
-- joined text. Measured on that 150 KB doc: 93–207 ms before, 13–21 ms after.
CREATE AGGREGATE tsvector_concat_agg(tsvector) (SFUNC = tsvector_concat, STYPE = tsvector, INITCOND = '');

CREATE OR REPLACE FUNCTION doc_search_all(doc_id TEXT, doc_title TEXT) RETURNS tsvector AS $$
  SELECT to_tsvector('english', regexp_replace(translate(coalesce(doc_title, ''), '<>', '  '),
      '[^[:space:]]{64}', '\& ', 'g'))
    || coalesce((SELECT tsvector_concat_agg(s.search ORDER BY s."order") FROM "Section" s
      WHERE s."documentId" = doc_id), ''::tsvector)
$$ LANGUAGE SQL STABLE;
