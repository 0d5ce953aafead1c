import "server-only";
import { db, Prisma } from "@/lib/db";
import type { CleanImage } from "./inspect";

/** What the app knows about a stored image; its bytes come only from `read`. */
export type StoredImage = {
  id: string;
  documentId: string;
  sha256: string;
  mimeType: string;
  byteSize: number;
  width: number;
  height: number;
  fileName: string | null;
  uploadedById: string | null;
  createdAt: Date;
};

export type MediaScope = { documentId: string } | { workspaceId: string };

/**
 * THE storage of images. Bytes are kept once per content (SHA-256 of the stored bytes);
 * each doc that uses them has an image row of its own, whose id is what `/media/<id>` names
 * and whose doc decides who may read it. Nothing here checks access: callers are the domain
 * functions beside this file (upload.ts, read.ts) and operator tooling (export, backup).
 *
 * PostgreSQL today, so the two-command start needs no other service; an object store
 * would implement the same calls (bytes by hash; the rows stay in PostgreSQL).
 */
export interface MediaStore {
  /** Store `image` for a doc. The same bytes uploaded to the same doc again give the same image. */
  save(input: {
    documentId: string;
    uploadedById: string | null;
    fileName: string | null;
    image: CleanImage;
  }): Promise<StoredImage>;
  find(imageId: string): Promise<StoredImage | null>;
  /** The stored bytes of a content hash, or null. */
  read(sha256: string): Promise<Buffer | null>;
  /** Every image of one doc, or of every doc of a workspace, oldest first (exports, backups). */
  list(scope: MediaScope): Promise<StoredImage[]>;
  /** Delete bytes that no image row uses any more (their docs were deleted); returns how many went. */
  purgeUnused(): Promise<number>;
}

const IMAGE_COLUMNS = Prisma.sql`i.id, i."documentId", i.sha256, b."mimeType", b."byteSize", b.width, b.height,
  i."fileName", i."uploadedById", i."createdAt"`;

export const postgresMediaStore: MediaStore = {
  async save({ documentId, uploadedById, fileName, image }) {
    return db.$transaction(async (tx) => {
      await tx.mediaBlob.createMany({
        data: [
          {
            sha256: image.sha256,
            mimeType: image.mimeType,
            byteSize: image.byteSize,
            width: image.width,
            height: image.height,
            data: new Uint8Array(image.data),
          },
        ],
        skipDuplicates: true,
      });
      const row = await tx.docImage.upsert({
        where: { documentId_sha256: { documentId, sha256: image.sha256 } },
        create: { documentId, sha256: image.sha256, fileName, uploadedById },
        update: {},
        select: { id: true },
      });
      const [stored] = await tx.$queryRaw<StoredImage[]>`
        SELECT ${IMAGE_COLUMNS} FROM "DocImage" i JOIN "MediaBlob" b ON b.sha256 = i.sha256 WHERE i.id = ${row.id}`;
      return stored!;
    });
  },

  async find(imageId) {
    if (typeof imageId !== "string" || imageId.length === 0 || imageId.length > 64) return null;
    const rows = await db.$queryRaw<StoredImage[]>`
      SELECT ${IMAGE_COLUMNS} FROM "DocImage" i JOIN "MediaBlob" b ON b.sha256 = i.sha256 WHERE i.id = ${imageId}`;
    return rows[0] ?? null;
  },

  async read(sha256) {
    const blob = await db.mediaBlob.findUnique({ where: { sha256 }, select: { data: true } });
    return blob ? Buffer.from(blob.data) : null;
  },

  async list(scope) {
    const where =
      "documentId" in scope
        ? Prisma.sql`i."documentId" = ${scope.documentId}`
        : Prisma.sql`i."documentId" IN (SELECT id FROM "Document" WHERE "workspaceId" = ${scope.workspaceId})`;
    return db.$queryRaw<StoredImage[]>`
      SELECT ${IMAGE_COLUMNS} FROM "DocImage" i JOIN "MediaBlob" b ON b.sha256 = i.sha256
      WHERE ${where} ORDER BY i."createdAt", i.id`;
  },

  async purgeUnused() {
    return db.$executeRaw`
      DELETE FROM "MediaBlob" b WHERE NOT EXISTS (SELECT 1 FROM "DocImage" i WHERE i.sha256 = b.sha256)`;
  },
};

/** The store the app uses. */
export const mediaStore: MediaStore = postgresMediaStore;
