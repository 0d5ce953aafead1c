-- Live doc (issue 14): a change of who may open a doc (a workspace membership or a doc
-- member removed or its role changed, a share link revoked or changed) is announced on
-- the 'access_changed' channel, so the collaboration server asks its open connections
-- again at once rather than at its next round (up to 2 s, in which typing was relayed).
CREATE FUNCTION "notify_access_changed"() RETURNS trigger AS $$
BEGIN
  PERFORM pg_notify('access_changed', TG_TABLE_NAME);
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER "Membership_notify_access_deleted" AFTER DELETE ON "Membership"
FOR EACH ROW EXECUTE FUNCTION "notify_access_changed"();
CREATE TRIGGER "Membership_notify_access_updated" AFTER UPDATE ON "Membership"
FOR EACH ROW WHEN (OLD.role IS DISTINCT FROM NEW.role) EXECUTE FUNCTION "notify_access_changed"();
CREATE TRIGGER "DocMember_notify_access_deleted" AFTER DELETE ON "DocMember"
FOR EACH ROW EXECUTE FUNCTION "notify_access_changed"();
CREATE TRIGGER "DocMember_notify_access_updated" AFTER UPDATE ON "DocMember"
FOR EACH ROW WHEN (OLD.role IS DISTINCT FROM NEW.role) EXECUTE FUNCTION "notify_access_changed"();
CREATE TRIGGER "ShareLink_notify_access_deleted" AFTER DELETE ON "ShareLink"
FOR EACH ROW EXECUTE FUNCTION "notify_access_changed"();
CREATE TRIGGER "ShareLink_notify_access_updated" AFTER UPDATE ON "ShareLink"
FOR EACH ROW WHEN (OLD."revokedAt" IS DISTINCT FROM NEW."revokedAt" OR OLD.role IS DISTINCT FROM NEW.role
  OR OLD."expiresAt" IS DISTINCT FROM NEW."expiresAt" OR OLD."createdById" IS DISTINCT FROM NEW."createdById")
EXECUTE FUNCTION "notify_access_changed"();
