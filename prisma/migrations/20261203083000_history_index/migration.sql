-- Version history (issue 12): reading a doc as of a point skips over its section ids
-- (lib/history/points.ts), which needs the versions ordered by section within a doc.
CREATE INDEX "SectionVersion_documentId_sectionId_seq_idx" ON "SectionVersion"("documentId", "sectionId", "seq");
