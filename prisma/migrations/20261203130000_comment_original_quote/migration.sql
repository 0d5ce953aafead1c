-- A comment's quote keeps the words it was written on (issue 16): "quote" follows the
-- marked words as they are edited (anchoring reads it), "originalQuote" never changes.
ALTER TABLE "CommentThread" ADD COLUMN "originalQuote" TEXT;

-- Earlier threads: the words they cover now are the best record of what they were written on.
UPDATE "CommentThread" SET "originalQuote" = "quote" WHERE "quote" IS NOT NULL;
