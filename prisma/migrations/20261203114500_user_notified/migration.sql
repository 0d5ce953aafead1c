-- Live doc (issue 14): a notification made for someone (or marked read) is announced on the
-- 'user_notified' channel with their user id, so the collaboration server tells that person's
-- open doc pages to fetch their data again and the inbox badge follows without a reload.
CREATE FUNCTION "notify_user_notified"() RETURNS trigger AS $$
BEGIN
  PERFORM pg_notify('user_notified', NEW."userId");
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER "Notification_notify_user" AFTER INSERT OR UPDATE OF "readAt" ON "Notification"
FOR EACH ROW EXECUTE FUNCTION "notify_user_notified"();
