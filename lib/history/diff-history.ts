import "server-only";
import type { Actor } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { mayRestore, requireHistoryAccess } from "./access";
import { diffPoints } from "./doc-diff";
import type { HistoryDiffDTO, PointRefDTO } from "./dto";
import { findPointMeta, namesAt, parsePoint, pointAtTime, sectionsAsOf } from "./points";

/** Where a comparison starts or ends: a seq, or a moment ("since my last visit"); absent = the doc now. */
export type PointInput = { seq: unknown } | { at: unknown } | undefined;

async function resolve(docId: string, input: PointInput, head: bigint): Promise<bigint> {
  if (!input) return head;
  if ("seq" in input) return parsePoint(input.seq, "INVALID_INPUT");
  const at = typeof input.at === "string" ? new Date(input.at) : null;
  if (!at || Number.isNaN(at.getTime()))
    throw new AppError("INVALID_INPUT", "`since` must be a date and time (ISO 8601).");
  return pointAtTime(docId, at);
}

/**
 * Compare any two points of a doc's history, section by section (GET
 * /api/docs/{id}/history/diff, /docs/<slug>/history/compare). Sections whose version
 * hashes are equal at both points are not diffed; a point before the doc's first
 * version is the empty doc.
 */
export async function diffHistory(
  actor: Actor,
  ref: { id: string } | { slug: string },
  input: { from: PointInput; to?: PointInput },
): Promise<HistoryDiffDTO> {
  const ctx = await requireHistoryAccess(actor, ref);
  const docId = ctx.doc.id;
  const { headSeq } = await db.document.findUniqueOrThrow({ where: { id: docId }, select: { headSeq: true } });
  const [fromRaw, toRaw] = await Promise.all([resolve(docId, input.from, headSeq), resolve(docId, input.to, headSeq)]);
  const [fromMeta, toMeta] = await Promise.all([findPointMeta(docId, fromRaw), findPointMeta(docId, toRaw)]);
  if (!toMeta) throw new AppError("NOT_FOUND", "This point is not in the doc's history.");
  const fromSeq = fromMeta?.seq ?? BigInt(0);
  const [before, after, names] = await Promise.all([
    fromMeta ? sectionsAsOf(docId, fromSeq) : Promise.resolve([]),
    sectionsAsOf(docId, toMeta.seq),
    namesAt(docId, [fromSeq, toMeta.seq]),
  ]);
  const ref_ = (seq: bigint, at: Date | null): PointRefDTO => ({
    seq: Number(seq),
    at: at?.toISOString() ?? null,
    namedVersion: names.get(seq.toString()) ?? null,
  });
  return {
    docId,
    slug: ctx.doc.slug,
    title: ctx.doc.title,
    from: ref_(fromSeq, fromMeta?.at ?? null),
    to: ref_(toMeta.seq, toMeta.at),
    headSeq: Number(headSeq),
    sections: diffPoints(before, after),
    canRestore: mayRestore(ctx),
  };
}
