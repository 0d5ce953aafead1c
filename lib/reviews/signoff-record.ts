import "server-only";
import type { Actor } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { requireDocAccess } from "@/lib/docs/access";
import { formatStampDate } from "@/lib/docs/stamps";
import type { TimelineEventDTO } from "./dto";
import { currentStamps, getReviewedByStamps, formatReviewedBy } from "./stamps";
import { loadTimeline } from "./timeline";
import { reviewPoints, type ReviewPoint } from "@/lib/history/review-points";

export type SignOffRecord = {
  document: { id: string; title: string; slug: string; status: string; revision: number; lockedAt: string | null };
  generatedAt: string;
  reviewedBy: string[];
  approvals: {
    reviewer: string;
    approvedAt: string;
    revision: number;
    contentHash: string;
    sections: string[];
    current: boolean;
    staleAt: string | null;
    /** The point in history approved (its exact content), the name given to it, and its page. */
    point: { seq: number; namedVersion: string | null; url: string } | null;
  }[];
  reviewRequests: {
    reviewer: string;
    requestedBy: string;
    requestedAt: string;
    sections: string[];
    cancelled: boolean;
    point: { seq: number; namedVersion: string | null; url: string } | null;
  }[];
  verdicts: {
    reviewer: string;
    kind: string;
    at: string;
    revision: number;
    contentHash: string;
    body: string | null;
  }[];
  events: { at: string; actor: string | null; type: string; text: string; detail: string | null }[];
};

/**
 * The downloadable sign-off record: every approval (reviewer, time, revision, content hash), every verdict, the audit
 * trail.
 */
export async function getSignOffRecord(actor: Actor, docId: string): Promise<SignOffRecord> {
  const { doc } = await requireDocAccess(actor, { id: docId }, "view");
  const [full, verdicts, stamps, events, sections, points, requests] = await Promise.all([
    db.document.findUniqueOrThrow({ where: { id: doc.id }, select: { status: true, revision: true, lockedAt: true } }),
    db.verdict.findMany({
      where: { documentId: doc.id },
      orderBy: { createdAt: "asc" },
      include: { reviewer: { select: { name: true } } },
    }),
    getReviewedByStamps(doc.id),
    loadTimeline(doc.id),
    db.section.findMany({ where: { documentId: doc.id }, select: { key: true, title: true } }),
    reviewPoints(doc.id),
    db.reviewRequest.findMany({
      where: { documentId: doc.id },
      orderBy: { createdAt: "asc" },
      select: {
        id: true,
        createdAt: true,
        sectionKeys: true,
        cancelledAt: true,
        reviewer: { select: { name: true } },
        requestedBy: { select: { name: true } },
      },
    }),
  ]);
  const pointOf = (p: ReviewPoint | undefined) =>
    p ? { seq: p.seq, namedVersion: p.namedVersion, url: `/docs/${doc.slug}/history/${p.seq}` } : null;
  const titles = new Map(sections.map((s) => [s.key, s.title]));
  const current = new Set(currentStamps(stamps).map((s) => `${s.reviewer.id}@${s.approvedAt}`));
  return {
    document: {
      id: doc.id,
      title: doc.title,
      slug: doc.slug,
      status: full.status,
      revision: full.revision,
      lockedAt: full.lockedAt?.toISOString() ?? null,
    },
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
        point: pointOf(points.verdicts.get(v.id)),
      })),
    reviewRequests: requests.map((r) => ({
      reviewer: r.reviewer.name,
      requestedBy: r.requestedBy.name,
      requestedAt: r.createdAt.toISOString(),
      sections: r.sectionKeys.length ? r.sectionKeys.map((k) => titles.get(k) ?? k) : ["whole doc"],
      cancelled: !!r.cancelledAt,
      point: pointOf(points.requests.get(r.id)),
    })),
    verdicts: verdicts.map((v) => ({
      reviewer: v.reviewer.name,
      kind: v.kind,
      at: v.createdAt.toISOString(),
      revision: v.revision,
      contentHash: v.contentHash,
      body: v.body,
    })),
    events: events.map((e: TimelineEventDTO) => ({
      at: e.createdAt,
      actor: e.actor?.name ?? null,
      type: e.type,
      text: e.text,
      detail: e.detail,
    })),
  };
}

const cell = (s: string) => s.replace(/\|/g, "\\|").replace(/\n/g, " ");

export function signOffRecordToMarkdown(r: SignOffRecord): string {
  const lines = [
    `# Sign-off record: ${r.document.title}`,
    "",
    `- Status: **${r.document.status}** at revision ${r.document.revision}` +
      (r.document.lockedAt ? ` (locked ${r.document.lockedAt})` : ""),
    `- Generated: ${r.generatedAt}`,
    `- Reviewed By: ${r.reviewedBy.length ? r.reviewedBy.join("; ") : "—"}`,
    "",
    "## Approvals",
    "",
  ];
  if (r.approvals.length === 0) lines.push("_No approvals yet._");
  else {
    lines.push(
      "| Reviewer | Approved at (UTC) | Revision | Version | Sections | Content SHA-256 | State |",
      "|---|---|---|---|---|---|---|",
    );
    for (const a of r.approvals) {
      const state = a.current ? "current" : a.staleAt ? `stale since ${a.staleAt}` : "superseded";
      const version = a.point ? `[${cell(a.point.namedVersion ?? `point ${a.point.seq}`)}](${a.point.url})` : "—";
      lines.push(
        `| ${cell(a.reviewer)} | ${a.approvedAt} | ${a.revision} | ${version} | ${cell(a.sections.join(", "))} ` +
          `| \`${a.contentHash}\` | ${state} |`,
      );
    }
  }
  if (r.reviewRequests.length) {
    lines.push("", "## Review requests", "");
    for (const q of r.reviewRequests) {
      const version = q.point ? ` of [${q.point.namedVersion ?? `point ${q.point.seq}`}](${q.point.url})` : "";
      const cancelled = q.cancelled ? " (withdrawn)" : "";
      const what = `${q.sections.join(", ")}${version}${cancelled}`;
      lines.push(`- ${q.requestedAt} — ${q.requestedBy} asked ${q.reviewer} to review ${what}`);
    }
  }
  lines.push("", "## Audit trail", "");
  for (const e of r.events)
    lines.push(
      `- ${e.at} — ${e.actor ? `${e.actor} ` : ""}${e.text}${e.detail ? ` — “${e.detail.replace(/\n/g, " ")}”` : ""}`,
    );
  lines.push(
    "",
    `_Exported ${formatStampDate(r.generatedAt)}. ` +
      "Content hashes are SHA-256 of the canonical JSON of the approved sections._",
    "",
  );
  return lines.join("\n");
}
