-- Doc list and search stay flat as a workspace grows (issue 7).

-- The list's other two sorts read their first page through an index, like "last update"
-- (Document_workspaceId_updatedAt_idx): without them, sorting by creation or by title,
-- and the common-term search walk under those sorts, read every doc of the workspace.
-- CreateIndex
CREATE INDEX "Document_workspaceId_createdAt_idx" ON "Document"("workspaceId", "createdAt" DESC);

-- An expression index, not expressible in schema.prisma (see the comment on Document there).
CREATE INDEX "Document_workspaceId_title_lower_idx" ON "Document"("workspaceId", lower("title"));

-- The GIN indexes' pending list (fastupdate) is scanned in full by every search until a
-- VACUUM merges it; with up to 4 MB of recent inserts in it (gin_pending_list_limit), a
-- rare-term search read ~250 pages instead of 3. Write entries straight into the index
-- (a section save adds its lexemes at once; seeding 1,000 docs × 15 sections took 3.1 s
-- instead of 2.7 s), and merge what is pending now.
ALTER INDEX "Section_search_idx" SET (fastupdate = off);
ALTER INDEX "Document_search_idx" SET (fastupdate = off);
SELECT gin_clean_pending_list('"Section_search_idx"'::regclass);
SELECT gin_clean_pending_list('"Document_search_idx"'::regclass);
