import "server-only";
import type { Actor } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { requireDocAccess } from "@/lib/docs/access";
import type { TimelineEventDTO } from "./dto";

const STATUS_WORDS: Record<string, string> = {
  DRAFT: "Draft",
  IN_REVIEW: "In review",
  CHANGES_REQUESTED: "Changes requested",
  APPROVED: "Approved",
};
const VERDICT_WORDS: Record<string, string> = {
  APPROVE: "approved",
  REQUEST_CHANGES: "requested changes",
  COMMENT: "commented",
};

type Data = Record<string, unknown> & {
  reviewers?: { name: string }[];
  reviewer?: { name: string };
  sections?: string[];
  section?: string;
  kind?: string;
  revision?: number;
  approvedRevision?: number;
  contentHash?: string;
  body?: string | null;
  from?: string;
  to?: string;
  dueAt?: string | null;
  rule?: string;
  guest?: string;
  blocking?: boolean;
  requiredApprovals?: number | null;
};

/** One audit event as a sentence (its actor printed before it). */
export function describeEvent(
  type: string,
  d: Data,
  sectionTitles: Map<string, string>,
): { text: string; detail: string | null } {
  const sections = d.sections?.length ? ` (${d.sections.join(", ")})` : "";
  switch (type) {
    case "doc.created":
      return { text: "created the doc", detail: null };
    case "section.edited":
      return { text: `edited ${sectionTitles.get(String(d.section)) ?? d.section}`, detail: null };
    case "review.requested": {
      const rule =
        d.rule === "AT_LEAST"
          ? ` · at least ${d.requiredApprovals} approval${d.requiredApprovals === 1 ? "" : "s"}`
          : "";
      const due = d.dueAt ? ` · due ${d.dueAt.slice(0, 10)}` : "";
      return {
        text: `asked ${d.reviewers?.map((r) => r.name).join(", ")} to review${sections}${rule}${due}`,
        detail: null,
      };
    }
    case "review.cancelled":
      return { text: `withdrew the review request for ${d.reviewer?.name}`, detail: null };
    case "verdict.submitted":
      return {
        text: `${VERDICT_WORDS[String(d.kind)] ?? "reviewed"} revision ${d.revision}${sections}`,
        detail: d.body ?? null,
      };
    case "approval.stale":
      return {
        text: `edited ${d.section}: ${d.reviewer?.name}'s approval of revision ${d.approvedRevision} is stale`,
        detail: null,
      };
    case "status.changed":
      return {
        text: `Status: ${STATUS_WORDS[String(d.from)] ?? d.from} → ${STATUS_WORDS[String(d.to)] ?? d.to}`,
        detail: null,
      };
    case "doc.locked":
      return { text: `locked the doc against edits at revision ${d.revision}`, detail: null };
    case "doc.unlocked":
      return { text: "unlocked the doc", detail: null };
    case "doc.renamed":
      return { text: `renamed the doc to “${d.to}”`, detail: null };
    case "doc.archived":
      return { text: "archived the doc", detail: null };
    case "doc.restored":
      return { text: "restored the doc", detail: null };
    case "version.named":
      return { text: `named this version “${d.name}”`, detail: null };
    case "doc.imported":
      return { text: "imported the doc from Markdown", detail: null };
    case "comment.created": {
      const where = sectionTitles.get(String(d.section)) ?? d.section;
      const guest = typeof d.guest === "string" ? `${d.guest} (guest) ` : "";
      return { text: `${guest}commented on ${where}${d.blocking ? " (blocking)" : ""}`, detail: null };
    }
    case "comment.resolved":
      return { text: `resolved a thread on ${sectionTitles.get(String(d.section)) ?? d.section}`, detail: null };
    case "comment.reopened":
      return { text: `reopened a thread on ${sectionTitles.get(String(d.section)) ?? d.section}`, detail: null };
    case "comment.blocking":
      return {
        text: `marked a thread on ${sectionTitles.get(String(d.section)) ?? d.section} as blocking`,
        detail: null,
      };
    case "comment.unblocked":
      return {
        text: `marked a thread on ${sectionTitles.get(String(d.section)) ?? d.section} as not blocking`,
        detail: null,
      };
    default:
      return { text: type.replace(/[._]/g, " "), detail: null };
  }
}

/** The doc's audit trail, oldest first. NOT_FOUND unless the actor may read the doc. */
export async function getDocTimeline(
  actor: Actor,
  docId: string,
  opts: { limit?: number } = {},
): Promise<TimelineEventDTO[]> {
  const { doc } = await requireDocAccess(actor, { id: docId }, "view");
  return loadTimeline(doc.id, opts.limit);
}

export async function loadTimeline(docId: string, limit?: number): Promise<TimelineEventDTO[]> {
  const [events, sections] = await Promise.all([
    db.auditEvent.findMany({
      where: { documentId: docId },
      // Rows of one transaction share now(); cuid ids break the tie in insertion order.
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: limit,
      select: { id: true, type: true, data: true, createdAt: true, actor: { select: { id: true, name: true } } },
    }),
    db.section.findMany({ where: { documentId: docId }, select: { key: true, title: true } }),
  ]);
  const titles = new Map(sections.map((s) => [s.key, s.title]));
  return events.reverse().map((e) => ({
    id: e.id,
    type: e.type,
    actor: e.actor,
    createdAt: e.createdAt.toISOString(),
    ...describeEvent(e.type, (e.data ?? {}) as Data, titles),
  }));
}
