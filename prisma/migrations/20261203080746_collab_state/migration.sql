-- Live co-editing (issue 14): the Yjs state of each doc that has been edited live,
-- so a reopened doc resumes where it was. Sections stay the record of content.
CREATE TABLE "CollabState" (
    "documentId" TEXT NOT NULL,
    "state" BYTEA NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CollabState_pkey" PRIMARY KEY ("documentId")
);

ALTER TABLE "CollabState" ADD CONSTRAINT "CollabState_documentId_fkey" FOREIGN KEY ("documentId") REFERENCES "Document"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Every change of a section's content, whoever made it (editor, API, import, restore,
-- comment anchors), is announced to the collaboration server after commit, so open
-- live docs take it in at once. Payload: doc id, section key, version.
CREATE FUNCTION "notify_section_content"() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    PERFORM pg_notify('section_content', json_build_object('d', OLD."documentId", 'k', OLD.key, 'v', -1)::text);
    RETURN OLD;
  END IF;
  IF TG_OP = 'INSERT' OR NEW.content IS DISTINCT FROM OLD.content OR NEW.key IS DISTINCT FROM OLD.key THEN
    PERFORM pg_notify('section_content', json_build_object('d', NEW."documentId", 'k', NEW.key, 'v', NEW.version)::text);
  END IF;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER "Section_notify_content"
AFTER INSERT OR UPDATE OR DELETE ON "Section"
FOR EACH ROW EXECUTE FUNCTION "notify_section_content"();
