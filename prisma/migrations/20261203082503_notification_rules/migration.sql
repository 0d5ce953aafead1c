-- Issue 16: email digest per person (immediately or daily), due-date reminders sent
-- once each, and re-requesting review from the same reviewers.
CREATE TYPE "EmailDigest" AS ENUM ('IMMEDIATE', 'DAILY');

ALTER TABLE "User" ADD COLUMN "emailDigest" "EmailDigest" NOT NULL DEFAULT 'IMMEDIATE';
ALTER TABLE "User" ADD COLUMN "lastDigestAt" TIMESTAMP(3);

-- Null while an email is still owed (daily digest readers), set once it was sent or was not needed.
ALTER TABLE "Notification" ADD COLUMN "emailedAt" TIMESTAMP(3);
UPDATE "Notification" SET "emailedAt" = "createdAt";
CREATE INDEX "Notification_emailedAt_idx" ON "Notification"("userId", "createdAt") WHERE "emailedAt" IS NULL;

ALTER TABLE "ReviewRequest" ADD COLUMN "dueSoonRemindedAt" TIMESTAMP(3);
ALTER TABLE "ReviewRequest" ADD COLUMN "overdueRemindedAt" TIMESTAMP(3);
ALTER TABLE "ReviewRequest" ADD COLUMN "rerequestedAt" TIMESTAMP(3);
CREATE INDEX "ReviewRequest_dueAt_idx" ON "ReviewRequest"("dueAt") WHERE "cancelledAt" IS NULL AND "dueAt" IS NOT NULL;
