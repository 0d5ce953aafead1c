import "server-only";
import type { Actor } from "@/lib/auth/session";
import { Prisma } from "@/lib/db";
import { isoSql, plainQuery } from "@/lib/db/sql";
import type { PersonDTO } from "@/lib/docs/dto";
import { latestDecisive } from "@/lib/reviews/derive-status";
import { mayRestore, requireHistoryAccess } from "./access";
import { groupHistory, type EventRow, type HistoryEntry, type VersionKind, type VersionRow } from "./bursts";
import type { ApprovalPointDTO, HistoryEntryDTO, HistoryPageDTO } from "./dto";
import { parsePoint } from "./points";
import { REQUEST_SEQ, VERDICT_SEQ } from "./review-points";

/** Versions read per page: enough for a screen of entries, few enough for the first page to stay fast. */
export const HISTORY_PAGE_VERSIONS = 400;

type VersionDbRow = {
  seq: number;
  sectionKey: string;
  title: string;
  kind: VersionKind;
  authorIds: string[] | null;
  authorId: string | null;
  createdAt: string;
  restoredFromSeq: number | null;
};

type VerdictPointRow = {
  id: string;
  reviewerId: string;
  kind: "APPROVE" | "REQUEST_CHANGES" | "COMMENT";
  sectionKeys: string[];
  staleAt: string | null;
  createdAt: string;
  seq: number | null;
};

type RequestPointRow = {
  reviewerId: string;
  requestedById: string;
  createdAt: string;
  sectionKeys: string[];
  seq: number | null;
};

type NamedRow = { id: string; name: string; seq: number; createdAt: string; createdById: string | null };

/** Everything a page of history shows, in one statement (its times as isoSql text). */
type PageRow = {
  headSeq: string;
  versions: VersionDbRow[];
  verdicts: VerdictPointRow[];
  requests: RequestPointRow[];
  named: NamedRow[];
  lastVisit: { seq: number; at: string } | null;
  people: Record<string, string>;
};

const at = (column: string) => isoSql(Prisma.raw(column));

/**
 * The page's version rows (no content; the ("documentId", seq) index), the doc's review records with the point
 * each was made on, its named versions, the reader's last visit and the names of everyone these mention: one
 * round trip on plain pg (a page that took eight Prisma statements spent most of its time compiling them).
 */
function pageSql(docId: string, userId: string, before: bigint | null, limit: number): Prisma.Sql {
  return Prisma.sql`
    WITH page AS (
      SELECT seq, "sectionKey", title, kind, "authorIds", "authorId", "createdAt", "restoredFromSeq"
      FROM "SectionVersion"
      WHERE "documentId" = ${docId} AND (${before}::bigint IS NULL OR seq < ${before}::bigint)
      ORDER BY seq DESC LIMIT ${limit}),
    verdicts AS (
      -- The point each verdict was given on, as it recorded it (the doc's head under the row lock).
      SELECT v.id, v."reviewerId", v.kind::text AS kind, v."sectionKeys", v."staleAt", v."createdAt",
        ${VERDICT_SEQ} AS seq
      FROM "Verdict" v WHERE v."documentId" = ${docId}),
    requests AS (
      SELECT r."reviewerId", r."requestedById", r."createdAt", r."sectionKeys",
        ${REQUEST_SEQ} AS seq
      FROM "ReviewRequest" r WHERE r."documentId" = ${docId}),
    named AS (SELECT id, name, seq, "createdAt", "createdById" FROM "NamedVersion" WHERE "documentId" = ${docId})
    SELECT
      (SELECT "headSeq"::text FROM "Document" WHERE id = ${docId}) AS "headSeq",
      (SELECT coalesce(json_agg(json_build_object('seq', seq, 'sectionKey', "sectionKey", 'title', title,
          'kind', kind::text, 'authorIds', "authorIds", 'authorId', "authorId", 'createdAt', ${at('"createdAt"')},
          'restoredFromSeq', "restoredFromSeq") ORDER BY seq DESC), '[]'::json) FROM page) AS versions,
      (SELECT coalesce(json_agg(json_build_object('id', id, 'reviewerId', "reviewerId", 'kind', kind,
          'sectionKeys', "sectionKeys", 'staleAt', ${at('"staleAt"')}, 'createdAt', ${at('"createdAt"')}, 'seq', seq)
          ORDER BY "createdAt"), '[]'::json) FROM verdicts) AS verdicts,
      (SELECT coalesce(json_agg(json_build_object('reviewerId', "reviewerId", 'requestedById', "requestedById",
          'createdAt', ${at('"createdAt"')}, 'sectionKeys', "sectionKeys", 'seq', seq)), '[]'::json)
        FROM requests) AS requests,
      (SELECT coalesce(json_agg(json_build_object('id', id, 'name', name, 'seq', seq,
          'createdAt', ${at('"createdAt"')}, 'createdById', "createdById") ORDER BY seq DESC), '[]'::json)
        FROM named) AS named,
      (SELECT json_build_object('seq', "previousSeq", 'at', ${at('"previousAt"')}) FROM "DocVisit"
        WHERE "userId" = ${userId} AND "documentId" = ${docId} AND "previousSeq" IS NOT NULL
          AND "previousAt" IS NOT NULL) AS "lastVisit",
      (SELECT coalesce(json_object_agg(u.id, u.name), '{}'::json) FROM "User" u WHERE u.id IN (
        SELECT unnest("authorIds") FROM page UNION SELECT "authorId" FROM page
        UNION SELECT "reviewerId" FROM verdicts UNION SELECT "reviewerId" FROM requests
        UNION SELECT "requestedById" FROM requests UNION SELECT "createdById" FROM named)) AS people`;
}

/**
 * One page of a doc's history, newest first: bursts of editing with every author and the
 * review events between them. `before` (a seq) pages back. Reads only the page's version
 * rows (no content) through the ("documentId", seq) index, so the first page costs the
 * same with ten versions or ten thousand.
 */
export async function listHistory(
  actor: Actor,
  ref: { id: string } | { slug: string },
  opts: { before?: unknown; limit?: number } = {},
): Promise<HistoryPageDTO> {
  const limit = Math.min(Math.max(1, Math.floor(opts.limit ?? HISTORY_PAGE_VERSIONS)), HISTORY_PAGE_VERSIONS);
  const ctx = await requireHistoryAccess(actor, ref);
  const docId = ctx.doc.id;
  const before = opts.before === undefined || opts.before === "" ? null : parsePoint(opts.before, "INVALID_INPUT");
  const [row] = await plainQuery<PageRow>(pageSql(docId, actor.id, before, limit + 1));
  if (!row) throw new Error(`history of ${docId}: no row`);
  const { versions: rows, verdicts: verdictRows, requests, named: namedRows, lastVisit } = row;
  const verdicts = verdictRows.map((v) => ({
    ...v,
    createdAt: new Date(v.createdAt),
    staleAt: v.staleAt === null ? null : new Date(v.staleAt),
  }));
  const named = namedRows.map((n) => ({ ...n, createdAt: new Date(n.createdAt) }));
  const more = rows.length > limit;
  const versions: VersionRow[] = rows
    .slice(0, limit)
    .reverse()
    .map((r) => ({
      seq: Number(r.seq),
      sectionKey: r.sectionKey,
      sectionTitle: r.title,
      kind: r.kind,
      authorIds: r.authorIds?.length ? r.authorIds : r.authorId ? [r.authorId] : [],
      createdAt: new Date(r.createdAt),
      restoredFromSeq: r.restoredFromSeq,
    }));
  const namedBySeq = new Map(named.map((n) => [n.seq.toString(), n.name]));
  const events: EventRow[] = [
    ...verdicts
      .filter((v) => v.kind !== "COMMENT")
      .map((v) => ({
        kind: v.kind === "APPROVE" ? ("approved" as const) : ("changes_requested" as const),
        at: v.createdAt,
        actorId: v.reviewerId,
        seq: Number(v.seq ?? 0),
        label: namedBySeq.get(String(v.seq)),
        subjectId: v.reviewerId,
        sectionKeys: v.sectionKeys,
      })),
    ...requests.map((r) => ({
      kind: "review_requested" as const,
      at: new Date(r.createdAt),
      actorId: r.requestedById,
      seq: Number(r.seq ?? 0),
      label: namedBySeq.get(String(r.seq)),
      subjectId: r.reviewerId,
      sectionKeys: r.sectionKeys,
    })),
    ...named.map((n) => ({
      kind: "named_version" as const,
      at: n.createdAt,
      actorId: n.createdById,
      seq: Number(n.seq),
      label: n.name,
    })),
  ];
  const { entries, next } = pageOf(groupHistory(versions, inWindow(events, versions, before !== null, more)), more);
  const people = new Map(Object.entries(row.people).map(([id, name]) => [id, { id, name }]));
  const approvals: ApprovalPointDTO[] = [...latestDecisive(verdicts.map((v) => ({ ...v, stale: !!v.staleAt })))]
    .map(([, v]) => v)
    .filter((v) => v.kind === "APPROVE" && v.seq !== null)
    .map((v) => ({
      reviewer: people.get(v.reviewerId) ?? { id: v.reviewerId, name: "Someone" },
      approvedAt: v.createdAt.toISOString(),
      seq: Number(v.seq),
      current: !v.staleAt,
      namedVersion: namedBySeq.get(String(v.seq)) ?? null,
    }));
  return {
    docId,
    slug: ctx.doc.slug,
    title: ctx.doc.title,
    headSeq: Number(row.headSeq),
    entries: entries.map((e) => toDTO(e, people)),
    next,
    approvals,
    lastVisit,
    namedVersions: named.map((n) => ({
      id: n.id,
      name: n.name,
      seq: Number(n.seq),
      createdAt: n.createdAt.toISOString(),
      createdBy: n.createdById ? (people.get(n.createdById) ?? null) : null,
    })),
    canRestore: mayRestore(ctx),
  };
}

/** Events that happened within this page's stretch of time (older pages show the older ones). */
function inWindow(events: EventRow[], versions: readonly VersionRow[], paged: boolean, more: boolean): EventRow[] {
  const oldest = versions[0]?.createdAt.getTime();
  const newest = versions[versions.length - 1]?.createdAt.getTime();
  return events.filter((e) => {
    const t = e.at.getTime();
    if (more && oldest !== undefined && t < oldest) return false;
    if (paged && newest !== undefined && t > newest) return false;
    return true;
  });
}

/**
 * When older versions exist, the oldest burst of the page may go on before it: it is left
 * for the next page (unless it is the only one), together with the events older than it.
 */
function pageOf(entries: HistoryEntry[], more: boolean): { entries: HistoryEntry[]; next: number | null } {
  if (!more) return { entries, next: null };
  const burstIdx = entries.flatMap((e, i) => (e.type === "burst" ? [i] : []));
  if (burstIdx.length <= 1) {
    const only = entries[burstIdx[0] ?? -1];
    return { entries, next: only?.type === "burst" ? only.fromSeq : null };
  }
  const keepUntil = burstIdx[burstIdx.length - 2]!;
  const oldestKept = entries[keepUntil] as Extract<HistoryEntry, { type: "burst" }>;
  return { entries: entries.slice(0, keepUntil + 1), next: oldestKept.fromSeq };
}

function toDTO(e: HistoryEntry, people: Map<string, PersonDTO>): HistoryEntryDTO {
  const person = (id: string | null | undefined) => (id ? (people.get(id) ?? { id, name: "Someone" }) : null);
  if (e.type === "burst") {
    return {
      type: "burst",
      fromSeq: e.fromSeq,
      toSeq: e.toSeq,
      beforeSeq: e.fromSeq - 1,
      startedAt: e.startedAt.toISOString(),
      endedAt: e.endedAt.toISOString(),
      authors: e.authorIds.map((a) => person(a)!),
      sections: e.sections,
      versions: e.versions,
      kinds: e.kinds,
      restoredFromSeq: e.restoredFromSeq,
    };
  }
  return {
    type: "event",
    kind: e.kind,
    at: e.at.toISOString(),
    seq: e.seq,
    actor: person(e.actorId),
    subject: person(e.subjectId),
    label: e.label ?? null,
    sectionKeys: [...(e.sectionKeys ?? [])],
  };
}
