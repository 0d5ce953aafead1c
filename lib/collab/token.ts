import { createHmac, timingSafeEqual } from "node:crypto";

/**
 * The live channel's ticket: Next issues it for one doc and one person (or one share
 * link), signed with a key derived from AUTH_SECRET, valid for minutes; the page asks
 * for a fresh one while it is open. The collaboration server verifies it and then asks
 * the database again (lib/collab/access.ts): the token says who, never what they may do.
 */
export type CollabClaims = {
  /** The doc (the Hocuspocus document name is `doc:<id>`). */
  docId: string;
  /** A signed-in user, or a share link's id for its guests. */
  subject: { kind: "user"; id: string } | { kind: "link"; id: string };
  /** Name shown on carets and avatars. */
  name: string;
  /** Expiry, epoch milliseconds. */
  exp: number;
};

export const COLLAB_TOKEN_TTL_MS = 5 * 60 * 1000;
/** The page asks for a new token this long before the old one expires. */
export const COLLAB_TOKEN_REFRESH_MS = 2 * 60 * 1000;

function key(secret: string): Buffer {
  if (secret.length < 32) throw new Error("AUTH_SECRET must be at least 32 characters");
  return createHmac("sha256", secret).update("design-review collab token v1").digest();
}

function sign(body: string, secret: string): string {
  return createHmac("sha256", key(secret)).update(body).digest("base64url");
}

export function issueCollabToken(claims: Omit<CollabClaims, "exp">, secret: string, now = Date.now()): string {
  const full: CollabClaims = { ...claims, exp: now + COLLAB_TOKEN_TTL_MS };
  const body = Buffer.from(JSON.stringify(full)).toString("base64url");
  return `${body}.${sign(body, secret)}`;
}

export type TokenCheck = { ok: true; claims: CollabClaims } | { ok: false; reason: string };

/** Signature, expiry and the doc it names; anything else about the token is not trusted. */
export function verifyCollabToken(token: string, docId: string, secret: string, now = Date.now()): TokenCheck {
  if (typeof token !== "string" || token.length > 2048) return { ok: false, reason: "malformed token" };
  const [body, mac, extra] = token.split(".");
  if (!body || !mac || extra !== undefined) return { ok: false, reason: "malformed token" };
  const expected = Buffer.from(sign(body, secret));
  const given = Buffer.from(mac);
  if (expected.length !== given.length || !timingSafeEqual(expected, given))
    return { ok: false, reason: "bad signature" };
  let claims: CollabClaims;
  try {
    claims = JSON.parse(Buffer.from(body, "base64url").toString("utf8")) as CollabClaims;
  } catch {
    return { ok: false, reason: "malformed token" };
  }
  if (typeof claims.exp !== "number" || claims.exp <= now) return { ok: false, reason: "token expired" };
  if (claims.docId !== docId) return { ok: false, reason: "token is for another doc" };
  const subject = claims.subject as { kind?: unknown; id?: unknown } | undefined;
  if (!subject || (subject.kind !== "user" && subject.kind !== "link") || typeof subject.id !== "string")
    return { ok: false, reason: "malformed token" };
  return { ok: true, claims };
}

/** The Hocuspocus document name of a design doc, and back. */
export function collabDocName(docId: string): string {
  return `doc:${docId}`;
}

export function docIdFromName(name: string): string | null {
  const match = /^doc:([A-Za-z0-9_-]{1,64})$/.exec(name);
  return match ? match[1]! : null;
}
