import "server-only";
import { db } from "@/lib/db";
import { requireDocAccess, type DocCaller, isLinkCaller } from "@/lib/docs/access";
import { AppError } from "@/lib/errors";
import { resolveShareToken } from "@/lib/sharing/resolve-token";
import { liveAccess } from "./access";
import { collabPublicUrls } from "./urls";
import { COLLAB_TOKEN_REFRESH_MS, collabDocName, issueCollabToken } from "./token";

/** What the page needs to join a doc's live channel. */
export type CollabTicket = {
  /** The collaboration server's WebSocket URL; null: same host as the page, port `port`. */
  url: string | null;
  /** With several collaboration processes: every URL, the page's first; it moves to the next when one drops. */
  urls: string[];
  port: number;
  name: string;
  docName: string;
  token: string;
  /** What the server will let this connection do (it decides again itself). */
  canEdit: boolean;
  /** Ask for a new ticket after this many milliseconds. */
  refreshInMs: number;
};

/** Whether live editing is on in this deployment (`COLLAB=off` keeps the saving editor without a live channel). */
export function collabEnabled(): boolean {
  return process.env.COLLAB !== "off";
}

function secret(): string {
  const value = process.env.AUTH_SECRET;
  if (!value) throw new Error("AUTH_SECRET is required but not set");
  return value;
}

/** A ticket for `caller` on `docId`, after the same access check as the page. */
export async function issueCollabTicket(caller: DocCaller, docId: string): Promise<CollabTicket> {
  if (!collabEnabled()) throw new AppError("NOT_FOUND", "Live editing is off on this server.");
  await requireDocAccess(caller, { id: docId }, "view");
  const subject = isLinkCaller(caller)
    ? ({ kind: "link", id: caller.linkId } as const)
    : ({ kind: "user", id: caller.id } as const);
  const name = isLinkCaller(caller) ? "Guest" : caller.name;
  const { access } = await liveAccess(subject, docId);
  return {
    url: collabPublicUrls()[0] ?? null,
    urls: collabPublicUrls(),
    port: Number(process.env.COLLAB_PORT ?? 1234),
    name,
    docName: collabDocName(docId),
    token: issueCollabToken({ docId, subject, name }, secret()),
    canEdit: access === "edit",
    refreshInMs: COLLAB_TOKEN_REFRESH_MS,
  };
}

/** The same for a share link's holder (read-only: links never edit). */
export async function issueSharedCollabTicket(token: string, unlockCookie: string | undefined): Promise<CollabTicket> {
  const access = await resolveShareToken(token, { unlockCookie, recordUse: false });
  if (access.status !== "open") throw new AppError("NOT_FOUND", "Enter the link's password to follow this doc live.");
  const doc = await db.document.findUnique({ where: { id: access.documentId }, select: { id: true } });
  if (!doc) throw new AppError("NOT_FOUND", "This doc does not exist.");
  return issueCollabTicket(access.caller, doc.id);
}
