import "server-only";
import type { Actor } from "@/lib/auth/session";
import { hashPassword } from "@/lib/auth/password";
import { recordAudit } from "@/lib/audit/record";
import { newToken, sha256Hex } from "@/lib/crypto";
import { db } from "@/lib/db";
import { requireDocAccess } from "@/lib/docs/access";
import { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import type { CreatedShareLinkDTO, ShareLinkDTO } from "./dto";
import { creatorsWhoCanShare } from "./link-creator";
import { DEFAULT_EXPIRY_DAYS, ZCreateShareLink } from "./schemas";

const DAY_MS = 24 * 60 * 60 * 1000;

const LINK_FIELDS = {
  id: true,
  role: true,
  label: true,
  passwordHash: true,
  createdAt: true,
  expiresAt: true,
  revokedAt: true,
  lastUsedAt: true,
  useCount: true,
  createdById: true,
  createdBy: { select: { name: true } },
} as const;

type LinkRow = {
  id: string;
  role: "VIEW" | "COMMENT";
  label: string | null;
  passwordHash: string | null;
  createdAt: Date;
  expiresAt: Date | null;
  revokedAt: Date | null;
  lastUsedAt: Date | null;
  useCount: number;
  createdById: string;
  createdBy: { name: string };
};

/** `creatorCanShare`: whether the link's creator may still share the doc (lib/sharing/link-creator.ts). */
export function toShareLinkDTO(row: LinkRow, creatorCanShare: boolean, now = new Date()): ShareLinkDTO {
  return {
    id: row.id,
    role: row.role === "COMMENT" ? "comment" : "view",
    label: row.label,
    hasPassword: !!row.passwordHash,
    createdBy: row.createdBy.name,
    createdAt: row.createdAt.toISOString(),
    expiresAt: row.expiresAt?.toISOString() ?? null,
    revokedAt: row.revokedAt?.toISOString() ?? null,
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
    useCount: row.useCount,
    state: row.revokedAt
      ? "revoked"
      : row.expiresAt && row.expiresAt <= now
        ? "expired"
        : creatorCanShare
          ? "active"
          : "stopped",
  };
}

export function shareUrl(baseUrl: string, token: string): string {
  return `${baseUrl.replace(/\/$/, "")}/s/${token}`;
}

/**
 * A capability link to one doc. Owners and editors may create one. The token (256
 * random bits) is returned here and never again: only its SHA-256 is stored.
 */
export async function createShareLink(
  actor: Actor,
  docId: string,
  raw: unknown,
  baseUrl: string,
): Promise<CreatedShareLinkDTO> {
  const { doc } = await requireDocAccess(actor, { id: docId }, "share");
  const input = parseInput(ZCreateShareLink, raw ?? {});
  const expiresAt =
    input.expiresAt !== undefined
      ? input.expiresAt
        ? new Date(input.expiresAt)
        : null
      : input.expiresInDays === "never"
        ? null
        : new Date(Date.now() + (input.expiresInDays ?? DEFAULT_EXPIRY_DAYS) * DAY_MS);
  const passwordHash = input.password ? await hashPassword(input.password) : null;
  const token = newToken();
  const row = await db.$transaction(async (tx) => {
    const created = await tx.shareLink.create({
      data: {
        documentId: doc.id,
        tokenHash: sha256Hex(token),
        role: input.role === "comment" ? "COMMENT" : "VIEW",
        expiresAt,
        passwordHash,
        label: input.label ?? null,
        createdById: actor.id,
      },
      select: LINK_FIELDS,
    });
    await recordAudit(tx, {
      workspaceId: doc.workspaceId,
      documentId: doc.id,
      actorId: actor.id,
      type: "share_link.created",
      data: {
        linkId: created.id,
        role: input.role,
        expiresAt: expiresAt?.toISOString() ?? null,
        password: !!passwordHash,
        label: input.label ?? null,
      },
    });
    return created;
  });
  return { link: toShareLinkDTO(row, true), token, url: shareUrl(baseUrl, token) };
}

/** Every link of a doc, newest first, revoked and expired ones included (marked). */
export async function listShareLinks(actor: Actor, docId: string): Promise<ShareLinkDTO[]> {
  const { doc } = await requireDocAccess(actor, { id: docId }, "share");
  const rows = await db.shareLink.findMany({
    where: { documentId: doc.id },
    orderBy: { createdAt: "desc" },
    take: 200,
    select: LINK_FIELDS,
  });
  const now = new Date();
  const sharers = await creatorsWhoCanShare(doc, [...new Set(rows.map((r) => r.createdById))]);
  return rows.map((r) => toShareLinkDTO(r, sharers.has(r.createdById), now));
}

/** Revoke a link: the next request with its token is a 404. Revoking twice is fine. */
export async function revokeShareLink(actor: Actor, docId: string, linkId: string): Promise<ShareLinkDTO> {
  const { doc } = await requireDocAccess(actor, { id: docId }, "share");
  if (typeof linkId !== "string" || !linkId || linkId.length > 64)
    throw new AppError("NOT_FOUND", "This share link does not exist.");
  return db.$transaction(async (tx) => {
    // INVARIANT: the link is loaded by (id, documentId): a link id of another doc is not found.
    const { count } = await tx.shareLink.updateMany({
      where: { id: linkId, documentId: doc.id, revokedAt: null },
      data: { revokedAt: new Date() },
    });
    const row = await tx.shareLink.findFirst({ where: { id: linkId, documentId: doc.id }, select: LINK_FIELDS });
    if (!row) throw new AppError("NOT_FOUND", "This share link does not exist.");
    if (count > 0) {
      await recordAudit(tx, {
        workspaceId: doc.workspaceId,
        documentId: doc.id,
        actorId: actor.id,
        type: "share_link.revoked",
        data: { linkId },
      });
    }
    return toShareLinkDTO(row, (await creatorsWhoCanShare(doc, [row.createdById])).has(row.createdById));
  });
}
