-- Images in sections (issue 15): bytes stored once per SHA-256, one row per doc that uses them,
-- and the workspace switch for remote images in Markdown imports.
-- AlterTable
ALTER TABLE "Workspace" ADD COLUMN     "allowRemoteImages" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "MediaBlob" (
    "sha256" TEXT NOT NULL,
    "mimeType" TEXT NOT NULL,
    "byteSize" INTEGER NOT NULL,
    "width" INTEGER NOT NULL,
    "height" INTEGER NOT NULL,
    "data" BYTEA NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "MediaBlob_pkey" PRIMARY KEY ("sha256")
);

-- CreateTable
CREATE TABLE "DocImage" (
    "id" TEXT NOT NULL,
    "documentId" TEXT NOT NULL,
    "sha256" TEXT NOT NULL,
    "fileName" TEXT,
    "uploadedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DocImage_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "DocImage_sha256_idx" ON "DocImage"("sha256");

-- CreateIndex
CREATE UNIQUE INDEX "DocImage_documentId_sha256_key" ON "DocImage"("documentId", "sha256");

-- AddForeignKey
ALTER TABLE "DocImage" ADD CONSTRAINT "DocImage_documentId_fkey" FOREIGN KEY ("documentId") REFERENCES "Document"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DocImage" ADD CONSTRAINT "DocImage_sha256_fkey" FOREIGN KEY ("sha256") REFERENCES "MediaBlob"("sha256") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DocImage" ADD CONSTRAINT "DocImage_uploadedById_fkey" FOREIGN KEY ("uploadedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;


-- Image bytes are compressed already: keep them out of line and skip pglz trying to compress them again.
ALTER TABLE "MediaBlob" ALTER COLUMN "data" SET STORAGE EXTERNAL;
