-- Issue 12: "changes since my last visit" per person on the server, and the point in history each verdict was given on.

ALTER TABLE "Verdict" ADD COLUMN "seq" BIGINT;

-- Verdicts given before the column: the point where every covered section had the version its snapshot holds
-- (the latest of those versions' seqs), else the doc's last version created before the verdict.
UPDATE "Verdict" v SET "seq" = coalesce(
  (SELECT max(x.seq) FROM jsonb_each(CASE WHEN jsonb_typeof(v.snapshot) = 'object' THEN v.snapshot ELSE '{}' END) s
     JOIN "SectionVersion" x ON x."documentId" = v."documentId" AND x."sectionKey" = s.key
       AND x.version = (s.value->>'version')::int
   WHERE jsonb_typeof(s.value) = 'object' AND (s.value->>'version') ~ '^[0-9]{1,9}$'),
  (SELECT x.seq FROM "SectionVersion" x WHERE x."documentId" = v."documentId" AND x."createdAt" <= v."createdAt"
   ORDER BY x.seq DESC LIMIT 1));

CREATE TABLE "DocVisit" (
    "userId" TEXT NOT NULL,
    "documentId" TEXT NOT NULL,
    "visitStartedAt" TIMESTAMP(3) NOT NULL,
    "seenAt" TIMESTAMP(3) NOT NULL,
    "seenSeq" BIGINT NOT NULL,
    "previousSeq" BIGINT,
    "previousAt" TIMESTAMP(3),

    CONSTRAINT "DocVisit_pkey" PRIMARY KEY ("userId","documentId")
);

CREATE INDEX "DocVisit_documentId_idx" ON "DocVisit"("documentId");

ALTER TABLE "DocVisit" ADD CONSTRAINT "DocVisit_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "DocVisit" ADD CONSTRAINT "DocVisit_documentId_fkey" FOREIGN KEY ("documentId") REFERENCES "Document"("id") ON DELETE CASCADE ON UPDATE CASCADE;
