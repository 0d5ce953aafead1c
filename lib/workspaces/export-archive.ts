import "server-only";
import type { Actor } from "@/lib/auth/session";
import { recordAudit } from "@/lib/audit/record";
import { db } from "@/lib/db";
import { exportDocMarkdown } from "@/lib/docs/markdown";
import { AppError } from "@/lib/errors";
import { zipStream, type ZipEntry } from "@/lib/export/zip-stream";
import { IMAGE_EXTENSIONS } from "@/lib/media/serve";
import { getSignOffRecord } from "@/lib/reviews/signoff-record";
import { requireWorkspace } from "./access";

/** The archive has no zip64 (lib/export/zip-stream.ts): refuse a workspace whose images alone come near 4 GiB. */
const MAX_IMAGE_BYTES = 3.5 * 1024 ** 3;
const AUDIT_PAGE = 500;

const person = { select: { name: true } } as const;
const iso = (d: Date | null) => d?.toISOString() ?? null;
const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

type ArchiveDoc = { id: string; slug: string; title: string; archivedAt: Date | null; updatedAt: Date };
type ArchiveImage = { id: string; documentId: string; fileName: string | null; mimeType: string };

const imagePath = (image: Pick<ArchiveImage, "id" | "mimeType">) =>
  `images/${image.id}.${IMAGE_EXTENSIONS[image.mimeType] ?? "img"}`;

/** Every comment thread of a doc, with what was said, who said it and when (deleted comments stay as gaps). */
async function threadsOf(docId: string) {
  const threads = await db.commentThread.findMany({
    where: { documentId: docId },
    orderBy: { createdAt: "asc" },
    select: {
      id: true,
      sectionKey: true,
      quote: true,
      blocking: true,
      createdAt: true,
      resolvedAt: true,
      resolvedBy: person,
      comments: {
        orderBy: { createdAt: "asc" },
        select: { author: person, guestName: true, text: true, createdAt: true, editedAt: true, deletedAt: true },
      },
    },
  });
  return threads.map((t) => ({
    id: t.id,
    section: t.sectionKey,
    quote: t.quote,
    blocking: t.blocking,
    createdAt: t.createdAt.toISOString(),
    resolvedAt: iso(t.resolvedAt),
    resolvedBy: t.resolvedBy?.name ?? null,
    comments: t.comments.map((c) => ({
      author: c.author?.name ?? (c.guestName ? `${c.guestName} (guest)` : null),
      text: c.deletedAt ? null : c.text,
      createdAt: c.createdAt.toISOString(),
      editedAt: iso(c.editedAt),
      deleted: !!c.deletedAt,
    })),
  }));
}

/** The workspace's whole audit trail, oldest first, as one JSON array written a page at a time. */
async function* auditJson(workspaceId: string): AsyncGenerator<string> {
  yield "[";
  let cursor: string | undefined;
  let first = true;
  for (;;) {
    const page = await db.auditEvent.findMany({
      where: { workspaceId },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      take: AUDIT_PAGE,
      ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}),
      select: { id: true, createdAt: true, type: true, documentId: true, data: true, actor: person },
    });
    if (page.length === 0) break;
    const rows = page.map((e) =>
      JSON.stringify({
        at: e.createdAt.toISOString(),
        actor: e.actor?.name ?? null,
        type: e.type,
        docId: e.documentId,
        data: e.data,
      }),
    );
    yield `${first ? "\n" : ",\n"}${rows.join(",\n")}`;
    first = false;
    cursor = page.at(-1)!.id;
    if (page.length < AUDIT_PAGE) break;
  }
  yield "\n]\n";
}

async function* entries(actor: Actor, workspace: { id: string; name: string; slug: string }, docs: ArchiveDoc[]) {
  const exportedAt = new Date().toISOString();
  const images: ArchiveImage[] = [];
  for (const doc of docs) {
    const own = await db.docImage.findMany({
      where: { documentId: doc.id },
      orderBy: { createdAt: "asc" },
      select: { id: true, documentId: true, fileName: true, blob: { select: { mimeType: true } } },
    });
    const paths = new Map(own.map((i) => [i.id, imagePath({ id: i.id, mimeType: i.blob.mimeType })]));
    images.push(...own.map((i) => ({ ...i, mimeType: i.blob.mimeType })));
    const name = `docs/${doc.slug}`;
    // Archived docs are in the archive too; an image the doc no longer has stays as its /media link.
    const { markdown } = await exportDocMarkdown(actor, doc.id, {
      imageSrc: (id) => (paths.has(id) ? `../${paths.get(id)}` : `/media/${id}`),
    });
    yield { name: `${name}.md`, data: markdown } satisfies ZipEntry;
    const signOff = await getSignOffRecord(actor, doc.id);
    yield { name: `${name}.reviews.json`, data: json({ ...signOff, threads: await threadsOf(doc.id) }) };
  }
  for (const image of images) {
    const blob = await db.docImage.findUniqueOrThrow({
      where: { id: image.id },
      select: { blob: { select: { data: true } } },
    });
    yield { name: imagePath(image), data: new Uint8Array(blob.blob.data), compress: false } satisfies ZipEntry;
  }
  yield { name: "audit.json", data: auditJson(workspace.id) } satisfies ZipEntry;
  yield {
    name: "manifest.json",
    data: json({
      workspace: { id: workspace.id, name: workspace.name, slug: workspace.slug },
      exportedAt,
      exportedBy: actor.name,
      docs: docs.map((d) => ({
        id: d.id,
        title: d.title,
        slug: d.slug,
        archived: !!d.archivedAt,
        updatedAt: d.updatedAt.toISOString(),
        markdown: `docs/${d.slug}.md`,
        reviews: `docs/${d.slug}.reviews.json`,
      })),
      images: images.map((i) => ({ id: i.id, doc: i.documentId, fileName: i.fileName, file: imagePath(i) })),
    }),
  } satisfies ZipEntry;
}

/**
 * A workspace as one zip (owners only), read as it is written: per doc its Markdown (images linked to the archive's
 * own files) and a JSON of its reviews, verdicts, audit trail and comment threads; every image; the workspace's
 * audit trail; a manifest. Audited as `workspace.exported`.
 */
export async function exportWorkspaceArchive(
  actor: Actor,
  workspaceId: string,
): Promise<{ filename: string; stream: ReadableStream<Uint8Array> }> {
  const { workspace, role } = await requireWorkspace(actor, { id: workspaceId });
  if (role !== "OWNER") throw new AppError("FORBIDDEN", "Only the workspace's owners can export it.");
  const docs = await db.document.findMany({
    where: { workspaceId: workspace.id },
    orderBy: { createdAt: "asc" },
    select: { id: true, slug: true, title: true, archivedAt: true, updatedAt: true },
  });
  // Raw SQL: a sum over a join (one image's bytes count once per doc that has it, as the archive writes them).
  const [size] = await db.$queryRaw<{ bytes: bigint }[]>`
    SELECT COALESCE(SUM(b."byteSize"), 0)::bigint AS bytes FROM "DocImage" i
    JOIN "MediaBlob" b ON b.sha256 = i.sha256 JOIN "Document" d ON d.id = i."documentId"
    WHERE d."workspaceId" = ${workspace.id}`;
  if (Number(size?.bytes ?? 0) > MAX_IMAGE_BYTES)
    throw new AppError("PAYLOAD_TOO_LARGE", "This workspace's images are too large for one archive (over 3.5 GB).");
  await db.$transaction(async (tx) =>
    recordAudit(tx, {
      workspaceId: workspace.id,
      actorId: actor.id,
      type: "workspace.exported",
      data: { docs: docs.length },
    }),
  );
  const day = new Date().toISOString().slice(0, 10);
  return { filename: `${workspace.slug}-${day}.zip`, stream: zipStream(entries(actor, workspace, docs)) };
}
