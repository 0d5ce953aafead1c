-- One content pipeline and version history (issue 12). Every committed content of a
-- section is kept as a SectionVersion row, a point in a doc's history is a seq, and
-- the doc's headSeq names its latest one. Named versions point at a seq.
-- CreateEnum
CREATE TYPE "SectionVersionKind" AS ENUM ('EDIT', 'ANNOTATION', 'IMPORT', 'RESTORE', 'COLLAB', 'CREATE', 'STRUCTURE');
-- AlterTable
ALTER TABLE "Document" ADD COLUMN     "headSeq" BIGINT NOT NULL DEFAULT 0;
-- AlterTable
ALTER TABLE "Section" ADD COLUMN     "contentHash" TEXT NOT NULL DEFAULT '';
-- CreateTable
CREATE TABLE "SectionVersion" (
    "seq" BIGSERIAL NOT NULL,
    "documentId" TEXT NOT NULL,
    "sectionId" TEXT NOT NULL,
    "sectionKey" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "order" INTEGER NOT NULL,
    "removed" BOOLEAN NOT NULL DEFAULT false,
    "version" INTEGER NOT NULL,
    "kind" "SectionVersionKind" NOT NULL,
    "content" JSONB NOT NULL,
    "text" TEXT NOT NULL DEFAULT '',
    "contentHash" TEXT NOT NULL,
    "authorId" TEXT,
    "authorIds" TEXT[],
    "restoredFromSeq" BIGINT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "SectionVersion_pkey" PRIMARY KEY ("seq")
);
-- CreateTable
CREATE TABLE "NamedVersion" (
    "id" TEXT NOT NULL,
    "documentId" TEXT NOT NULL,
    "seq" BIGINT NOT NULL,
    "name" TEXT NOT NULL,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "NamedVersion_pkey" PRIMARY KEY ("id")
);
-- CreateIndex
CREATE INDEX "SectionVersion_documentId_seq_idx" ON "SectionVersion"("documentId", "seq");
-- CreateIndex
CREATE INDEX "SectionVersion_sectionId_seq_idx" ON "SectionVersion"("sectionId", "seq");
-- CreateIndex
CREATE INDEX "NamedVersion_documentId_seq_idx" ON "NamedVersion"("documentId", "seq");
-- AddForeignKey
ALTER TABLE "SectionVersion" ADD CONSTRAINT "SectionVersion_documentId_fkey" FOREIGN KEY ("documentId") REFERENCES "Document"("id") ON DELETE CASCADE ON UPDATE CASCADE;
-- AddForeignKey
ALTER TABLE "SectionVersion" ADD CONSTRAINT "SectionVersion_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
-- AddForeignKey
ALTER TABLE "NamedVersion" ADD CONSTRAINT "NamedVersion_documentId_fkey" FOREIGN KEY ("documentId") REFERENCES "Document"("id") ON DELETE CASCADE ON UPDATE CASCADE;
-- AddForeignKey
ALTER TABLE "NamedVersion" ADD CONSTRAINT "NamedVersion_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- The SHA-256 hex of a content's canonical JSON, as lib/docs/content/derive.ts computes it in
-- JavaScript (JSON.stringify with object keys sorted, no spaces), so raw SQL and the backfill
-- below hash exactly like the pipeline. lib/docs/content/hash.db.test.ts keeps the two equal.
SET check_function_bodies = false;
CREATE FUNCTION canonical_json(j JSONB) RETURNS TEXT AS $$
  SELECT CASE jsonb_typeof(j)
    WHEN 'object' THEN '{' || coalesce((SELECT string_agg(to_json(e.k)::text || ':' || canonical_json(e.v), ',' ORDER BY e.k COLLATE "C")
      FROM jsonb_each(j) AS e(k, v)), '') || '}'
    WHEN 'array' THEN '[' || coalesce((SELECT string_agg(canonical_json(a.v), ',' ORDER BY a.n)
      FROM jsonb_array_elements(j) WITH ORDINALITY AS a(v, n)), '') || ']'
    ELSE j::text END
$$ LANGUAGE SQL IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION section_content_hash(j JSONB) RETURNS TEXT AS $$
  SELECT encode(sha256(convert_to(canonical_json(j), 'UTF8')), 'hex')
$$ LANGUAGE SQL IMMUTABLE STRICT PARALLEL SAFE;
SET check_function_bodies = true;

-- Every stored content gets a version: one CREATE row for a section never saved, one EDIT
-- row (its current content, author and time) for the others.
UPDATE "Section" SET "contentHash" = section_content_hash("content");
INSERT INTO "SectionVersion" ("documentId", "sectionId", "sectionKey", "title", "order", "version", "kind",
  "content", "text", "contentHash", "authorId", "authorIds", "createdAt")
SELECT s."documentId", s.id, s.key, s.title, s."order", s.version,
  (CASE WHEN s.version = 1 THEN 'CREATE' ELSE 'EDIT' END)::"SectionVersionKind",
  s.content, s.text, s."contentHash", s."updatedById",
  CASE WHEN s."updatedById" IS NULL THEN '{}'::TEXT[] ELSE ARRAY[s."updatedById"] END, s."updatedAt"
FROM "Section" s ORDER BY s."updatedAt", s.id;
UPDATE "Document" d SET "headSeq" = v.seq
FROM (SELECT "documentId", max(seq) AS seq FROM "SectionVersion" GROUP BY "documentId") v WHERE v."documentId" = d.id;
