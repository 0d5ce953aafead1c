import "server-only";
import type { JSONContent } from "@tiptap/core";
import type { Actor } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { renderDocToHTML } from "@/lib/editor/render-html";
import { mayRestore, requireHistoryAccess } from "./access";
import type { PointDTO } from "./dto";
import { getPointMeta, lastEditAsOf, namesAt, parsePoint, sectionsAsOf } from "./points";
import { reviewedByAsOf } from "./stamps-as-of";

/**
 * The whole doc, read-only, as of a point (`/docs/<slug>/history/<seq>`, GET
 * /api/docs/{id}/history/{seq}), with the footer stamps as they were then.
 */
export async function getPoint(actor: Actor, ref: { id: string } | { slug: string }, raw: unknown): Promise<PointDTO> {
  const ctx = await requireHistoryAccess(actor, ref);
  const docId = ctx.doc.id;
  const meta = await getPointMeta(docId, parsePoint(raw));
  const [sections, lastUpdated, head, names] = await Promise.all([
    sectionsAsOf(docId, meta.seq),
    lastEditAsOf(docId, meta.seq),
    db.document.findUniqueOrThrow({ where: { id: docId }, select: { headSeq: true } }),
    namesAt(docId, [meta.seq]),
  ]);
  const [reviewedBy, authors] = await Promise.all([
    reviewedByAsOf(docId, meta.seq, sections),
    db.user.findMany({
      where: { id: { in: [...new Set(sections.flatMap((s) => (s.authorId ? [s.authorId] : [])))] } },
      select: { id: true, name: true },
    }),
  ]);
  const nameOf = new Map(authors.map((u) => [u.id, u]));
  return {
    docId,
    slug: ctx.doc.slug,
    title: ctx.doc.title,
    seq: Number(meta.seq),
    headSeq: Number(head.headSeq),
    at: meta.at.toISOString(),
    namedVersion: names.get(meta.seq.toString()) ?? null,
    sections: sections.map((s) => ({
      key: s.key,
      title: s.title,
      order: s.order,
      version: s.version,
      contentHash: s.hash,
      html: renderDocToHTML(s.content as JSONContent),
      updatedAt: s.createdAt.toISOString(),
      updatedBy: s.authorId ? (nameOf.get(s.authorId) ?? null) : null,
    })),
    lastUpdated: lastUpdated ? { at: lastUpdated.at.toISOString(), by: lastUpdated.by } : null,
    reviewedBy,
    canRestore: mayRestore(ctx),
  };
}
