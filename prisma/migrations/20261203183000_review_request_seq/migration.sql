-- Issue 12: the point in history a review request was made on, recorded like a verdict's (the doc's headSeq under
-- the doc row lock), so the history page and the sign-off record find it by index instead of by time.

ALTER TABLE "ReviewRequest" ADD COLUMN "seq" BIGINT;

-- Requests made before the column: the doc's last version created before the request (what the reads did so far).
UPDATE "ReviewRequest" r SET "seq" = (SELECT x.seq FROM "SectionVersion" x
  WHERE x."documentId" = r."documentId" AND x."createdAt" <= r."createdAt" ORDER BY x.seq DESC LIMIT 1);
