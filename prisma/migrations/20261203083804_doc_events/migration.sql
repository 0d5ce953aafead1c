-- Live doc (issue 14): what a doc page shows besides section content changes
-- (status, lock, archive, title, review requests, verdicts, comments) is announced
-- on the 'doc_changed' channel with the doc id, so the collaboration server tells
-- open pages to fetch their data again. Section content has its own channel.
CREATE FUNCTION "notify_doc_changed"() RETURNS trigger AS $$
DECLARE
  doc_id TEXT;
BEGIN
  IF TG_TABLE_NAME = 'Comment' THEN
    SELECT t."documentId" INTO doc_id FROM "CommentThread" t
      WHERE t.id = (CASE WHEN TG_OP = 'DELETE' THEN OLD."threadId" ELSE NEW."threadId" END);
  ELSIF TG_OP = 'DELETE' THEN
    doc_id := OLD."documentId";
  ELSE
    doc_id := NEW."documentId";
  END IF;
  IF doc_id IS NOT NULL THEN
    PERFORM pg_notify('doc_changed', doc_id);
  END IF;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE FUNCTION "notify_document_changed"() RETURNS trigger AS $$
BEGIN
  IF NEW.status IS DISTINCT FROM OLD.status OR NEW."lockedAt" IS DISTINCT FROM OLD."lockedAt"
    OR NEW."archivedAt" IS DISTINCT FROM OLD."archivedAt" OR NEW.title IS DISTINCT FROM OLD.title THEN
    PERFORM pg_notify('doc_changed', NEW.id);
  END IF;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER "Document_notify_changed" AFTER UPDATE ON "Document"
FOR EACH ROW EXECUTE FUNCTION "notify_document_changed"();
CREATE TRIGGER "Verdict_notify_changed" AFTER INSERT OR UPDATE OR DELETE ON "Verdict"
FOR EACH ROW EXECUTE FUNCTION "notify_doc_changed"();
CREATE TRIGGER "ReviewRequest_notify_changed" AFTER INSERT OR UPDATE OR DELETE ON "ReviewRequest"
FOR EACH ROW EXECUTE FUNCTION "notify_doc_changed"();
CREATE TRIGGER "CommentThread_notify_changed" AFTER INSERT OR UPDATE OR DELETE ON "CommentThread"
FOR EACH ROW EXECUTE FUNCTION "notify_doc_changed"();
CREATE TRIGGER "Comment_notify_changed" AFTER INSERT OR UPDATE OR DELETE ON "Comment"
FOR EACH ROW EXECUTE FUNCTION "notify_doc_changed"();
