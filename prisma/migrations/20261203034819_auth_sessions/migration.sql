-- Sign-out ends the session on the server (issue 13): one row per signed-in browser,
-- named by the session cookie and checked on every request.
-- CreateTable
CREATE TABLE "AuthSession" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "revokedAt" TIMESTAMP(3),

    CONSTRAINT "AuthSession_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "AuthSession_userId_revokedAt_idx" ON "AuthSession"("userId", "revokedAt");

-- AddForeignKey
ALTER TABLE "AuthSession" ADD CONSTRAINT "AuthSession_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Names people read lose the invisible and direction-changing characters new input
-- can no longer carry (lib/names.ts): bidi controls, zero-width characters, fillers,
-- tag and control characters. Whitespace runs become one space. A name that would be
-- empty is left as it was.
CREATE FUNCTION pg_temp.clean_name(value TEXT) RETURNS TEXT AS $$
  SELECT coalesce(nullif(btrim(regexp_replace(regexp_replace(value,
    E'[\\x01-\\x08\\x0b\\x0c\\x0e-\\x1f\\x7f-\\x9f\\u00ad\\u034f\\u061c\\u115f\\u1160\\u17b4\\u17b5\\u180b-\\u180f\\u3164\\uffa0\\u200b-\\u200f\\u202a-\\u202e\\u2060-\\u206f\\ufeff\\ufff9-\\ufffb\\U000e0000-\\U000e007f]',
    '', 'g'), E'\\s+', ' ', 'g')), ''), value)
$$ LANGUAGE SQL IMMUTABLE;

UPDATE "User" SET "name" = pg_temp.clean_name("name") WHERE "name" <> pg_temp.clean_name("name");
UPDATE "Workspace" SET "name" = pg_temp.clean_name("name") WHERE "name" <> pg_temp.clean_name("name");
UPDATE "Document" SET "title" = pg_temp.clean_name("title") WHERE "title" <> pg_temp.clean_name("title");
UPDATE "Section" SET "title" = pg_temp.clean_name("title") WHERE "title" <> pg_temp.clean_name("title");
UPDATE "Template" SET "name" = pg_temp.clean_name("name") WHERE "name" <> pg_temp.clean_name("name");
UPDATE "TemplateSection" SET "title" = pg_temp.clean_name("title") WHERE "title" <> pg_temp.clean_name("title");
UPDATE "ShareLink" SET "label" = pg_temp.clean_name("label") WHERE "label" <> pg_temp.clean_name("label");
UPDATE "Comment" SET "guestName" = pg_temp.clean_name("guestName") WHERE "guestName" <> pg_temp.clean_name("guestName");
