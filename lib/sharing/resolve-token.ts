import "server-only";
import { createHmac, timingSafeEqual } from "node:crypto";
import { verifyPassword } from "@/lib/auth/password";
import { assertNotRateLimited, clearHits, recordHit, type Limit } from "@/lib/auth/rate-limit";
import { sha256Hex } from "@/lib/crypto";
import { db } from "@/lib/db";
import type { ShareLinkCaller } from "@/lib/docs/access";
import { AppError } from "@/lib/errors";
import { LINK_CREATOR_CAN_SHARE } from "./link-creator";
import { SHARE_TOKEN_PATTERN } from "./schemas";

/** Unknown, revoked, expired and stopped links (creator lost access) all give exactly this (and the same 404 page). */
export const SHARE_LINK_NOT_FOUND = "This page does not exist, or you do not have access to it.";
export const WRONG_SHARE_PASSWORD = "That password is not right. Check it with whoever sent you the link.";

/** The cookie that remembers a correct password, scoped by its Path to one link's URL. */
export const UNLOCK_COOKIE = "dr-share-unlock";
const UNLOCK_TTL_SECONDS = 7 * 24 * 60 * 60;

const WINDOW = 15 * 60;
/**
 * Per link and IP: 5 wrong passwords per 15 minutes. Per link from anywhere: 50, so
 * guessing from many addresses stays slow (at the price that such an attack can lock
 * the link for everyone until the window ends; revoke and re-share if that happens).
 */
export function sharePasswordLimits(linkId: string, ip: string): Limit[] {
  return [
    { key: `share-password:link-ip:${linkId}:${ip}`, limit: 5, windowSeconds: WINDOW },
    { key: `share-password:link:${linkId}`, limit: 50, windowSeconds: WINDOW },
  ];
}

export type UnlockCookie = {
  name: string;
  value: string;
  path: string;
  maxAge: number;
  httpOnly: true;
  sameSite: "lax";
};

export type ShareAccess =
  | {
      status: "open";
      caller: ShareLinkCaller;
      documentId: string;
      role: "view" | "comment";
      unlock: UnlockCookie | null;
    }
  /** Password-protected: show the form (with `error` after a wrong password). */
  | { status: "password"; error: string | null };

type LinkRow = {
  id: string;
  documentId: string;
  role: "VIEW" | "COMMENT";
  expiresAt: Date | null;
  revokedAt: Date | null;
  passwordHash: string | null;
  creatorCanShare: boolean;
};

type Options = { password?: string; unlockCookie?: string; ip?: string; now?: Date; recordUse?: boolean };

function secret(): string {
  const value = process.env.AUTH_SECRET;
  if (!value) throw new Error("AUTH_SECRET is required but not set");
  return value;
}

// The password hash is part of the MAC: a link whose password changed forgets its old cookies.
function unlockMac(linkId: string, passwordHash: string, expires: number): string {
  return createHmac("sha256", secret())
    .update(`share-unlock:${linkId}:${sha256Hex(passwordHash)}:${expires}`)
    .digest("base64url");
}

export function signUnlockCookie(
  token: string,
  link: { id: string; passwordHash: string; expiresAt: Date | null },
  now = Date.now(),
): UnlockCookie {
  const cap = link.expiresAt ? Math.floor((link.expiresAt.getTime() - now) / 1000) : UNLOCK_TTL_SECONDS;
  const maxAge = Math.max(1, Math.min(UNLOCK_TTL_SECONDS, cap));
  const expires = Math.floor(now / 1000) + maxAge;
  return {
    name: UNLOCK_COOKIE,
    value: `${expires}.${unlockMac(link.id, link.passwordHash, expires)}`,
    path: `/s/${token}`,
    maxAge,
    httpOnly: true,
    sameSite: "lax",
  };
}

export function verifyUnlockCookie(
  value: string | undefined,
  link: { id: string; passwordHash: string },
  now = Date.now(),
): boolean {
  if (!value || value.length > 200) return false;
  const [expires, mac, ...rest] = value.split(".");
  if (!expires || !mac || rest.length || !/^\d{1,12}$/.test(expires) || Number(expires) * 1000 <= now) return false;
  const expected = Buffer.from(unlockMac(link.id, link.passwordHash, Number(expires)));
  const given = Buffer.from(mac);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

/**
 * What a share token opens. Throws NOT_FOUND — the same error — for malformed,
 * unknown, revoked and expired tokens; RATE_LIMITED after too many wrong passwords.
 * A password-protected link opens with the right `password` (returning the cookie
 * to set) or a valid `unlockCookie`; otherwise it answers `{ status: "password" }`.
 * Each opening counts as a use (lastUsedAt, useCount) unless `recordUse` is false.
 */
export async function resolveShareToken(token: string, opts: Options = {}): Promise<ShareAccess> {
  const now = opts.now ?? new Date();
  if (typeof token !== "string" || !SHARE_TOKEN_PATTERN.test(token))
    throw new AppError("NOT_FOUND", SHARE_LINK_NOT_FOUND);
  const [link] = await db.$queryRaw<LinkRow[]>`
    SELECT l.id, l."documentId", l.role::text AS role, l."expiresAt", l."revokedAt", l."passwordHash",
      ${LINK_CREATOR_CAN_SHARE} AS "creatorCanShare"
    FROM "ShareLink" l JOIN "Document" d ON d.id = l."documentId"
    WHERE l."tokenHash" = ${sha256Hex(token)}`;
  if (!link || link.revokedAt || (link.expiresAt && link.expiresAt <= now) || !link.creatorCanShare)
    throw new AppError("NOT_FOUND", SHARE_LINK_NOT_FOUND);

  let unlock: UnlockCookie | null = null;
  if (link.passwordHash) {
    const cookieOk = verifyUnlockCookie(
      opts.unlockCookie,
      { id: link.id, passwordHash: link.passwordHash },
      now.getTime(),
    );
    if (!cookieOk) {
      if (opts.password === undefined) return { status: "password", error: null };
      const limits = sharePasswordLimits(link.id, opts.ip ?? "unknown");
      await assertNotRateLimited(limits, "Too many wrong passwords for this link.");
      if (!opts.password || opts.password.length > 200 || !(await verifyPassword(link.passwordHash, opts.password))) {
        await recordHit(limits);
        return { status: "password", error: WRONG_SHARE_PASSWORD };
      }
      await clearHits([limits[0]!.key]);
      unlock = signUnlockCookie(
        token,
        { id: link.id, passwordHash: link.passwordHash, expiresAt: link.expiresAt },
        now.getTime(),
      );
    }
  }
  if (opts.recordUse !== false) {
    await db.shareLink.update({ where: { id: link.id }, data: { lastUsedAt: now, useCount: { increment: 1 } } });
  }
  return {
    status: "open",
    caller: { kind: "link", linkId: link.id },
    documentId: link.documentId,
    role: link.role === "COMMENT" ? "comment" : "view",
    unlock,
  };
}
