import "server-only";
import type { Actor } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { requireDocAccess } from "@/lib/docs/access";
import { formatStampDate } from "@/lib/docs/stamps";
import type { TimelineEventDTO } from "./dto";
import { getReviewedByStamps, formatReviewedBy } from "./stamps";
import { loadTimeline } from "./timeline";

export type SignOffRecord = {
  document: { id: string; title: string; slug: string; status: string; revision: number; lockedAt: string | null };
  generatedAt: string;
  reviewedBy: string[];
  approvals: { reviewer: string; approvedAt: string; revision: number; contentHash: string; sections: string[]; current: boolean; staleAt: string | null }[];
  verdicts: { reviewer: string; kind: string; at: string; revision: number; contentHash: string; body: string | null }[];
  events: { at: string; actor: string | null; type: string; text: string; detail: string | null }[];
};

/** The downloadable sign-off record: every approval (reviewer, time, revision, content hash), every verdict, the audit trail. */
export async function getSignOffRecord(actor: Actor, docId: string): Promise<SignOffRecord> {
  const { doc } = await requireDocAccess(actor, { id: docId }, "view");
  const [full, verdicts, stamps, events, sections] = await Promise.all([
    db.document.findUniqueOrThrow({ where: { id: doc.id }, select: { status: true, revision: true, lockedAt: true } }),
    db.verdict.findMany({ where: { documentId: doc.id }, orderBy: { createdAt: "asc" }, include: { reviewer: { select: { name: true } } } }),
    getReviewedByStamps(doc.id),
    loadTimeline(doc.id),
    db.section.findMany({ where: { documentId: doc.id }, select: { key: true, title: true } }),
  ]);
  const titles = new Map(sections.map((s) => [s.key, s.title]));
  const current = new Set(stamps.map((s) => `${s.reviewer.id}@${s.approvedAt}`));
  return {
    document: { id: doc.id, title: doc.title, slug: doc.slug, status: full.status, revision: full.revision, lockedAt: full.lockedAt?.toISOString() ?? null },
    generatedAt: new Date().toISOString(),
    reviewedBy: stamps.map(formatReviewedBy),
    approvals: verdicts
      .filter((v) => v.kind === "APPROVE")
      .map((v) => ({
        reviewer: v.reviewer.name,
        approvedAt: v.createdAt.toISOString(),
        revision: v.revision,
        contentHash: v.contentHash,
        sections: v.sectionKeys.length ? v.sectionKeys.map((k) => titles.get(k) ?? k) : ["whole doc"],
        current: current.has(`${v.reviewerId}@${v.createdAt.toISOString()}`),
        staleAt: v.staleAt?.toISOString() ?? null,
      })),
    verdicts: verdicts.map((v) => ({ reviewer: v.reviewer.name, kind: v.kind, at: v.createdAt.toISOString(), revision: v.revision, contentHash: v.contentHash, body: v.body })),
    events: events.map((e: TimelineEventDTO) => ({ at: e.createdAt, actor: e.actor?.name ?? null, type: e.type, text: e.text, detail: e.detail })),
  };
}

const cell = (s: string) => s.replace(/\|/g, "\\|").replace(/\n/g, " ");

export function signOffRecordToMarkdown(r: SignOffRecord): string {
  const lines = [
    `# Sign-off record: ${r.document.title}`,
    "",
    `- Status: **${r.document.status}** at revision ${r.document.revision}${r.document.lockedAt ? ` (locked ${r.document.lockedAt})` : ""}`,
    `- Generated: ${r.generatedAt}`,
    `- Reviewed By: ${r.reviewedBy.length ? r.reviewedBy.join("; ") : "—"}`,
    "",
    "## Approvals",
    "",
  ];
  if (r.approvals.length === 0) lines.push("_No approvals yet._");
  else {
    lines.push("| Reviewer | Approved at (UTC) | Revision | Sections | Content SHA-256 | State |", "|---|---|---|---|---|---|");
    for (const a of r.approvals) {
      const state = a.current ? "current" : a.staleAt ? `stale since ${a.staleAt}` : "superseded";
      lines.push(`| ${cell(a.reviewer)} | ${a.approvedAt} | ${a.revision} | ${cell(a.sections.join(", "))} | \`${a.contentHash}\` | ${state} |`);
    }
  }
  lines.push("", "## Audit trail", "");
  for (const e of r.events) lines.push(`- ${e.at} — ${e.actor ? `${e.actor} ` : ""}${e.text}${e.detail ? ` — “${e.detail.replace(/\n/g, " ")}”` : ""}`);
  lines.push("", `_Exported ${formatStampDate(r.generatedAt)}. Content hashes are SHA-256 of the canonical JSON of the approved sections._`, "");
  return lines.join("\n");
}
