import "server-only";
import { createHmac, timingSafeEqual } from "node:crypto";

/**
 * Credentials are checked (with rate limits) by our own sign-in code; Auth.js's
 * `authorize` then only accepts this short-lived HMAC ticket, so its public
 * callback endpoint cannot be used to guess passwords around the limits.
 */
const TTL_MS = 60_000;

function mac(payload: string): string {
  const secret = process.env.AUTH_SECRET;
  if (!secret) throw new Error("AUTH_SECRET is required but not set");
  return createHmac("sha256", secret).update(`sign-in-ticket:${payload}`).digest("base64url");
}

export function issueSignInTicket(userId: string, now = Date.now()): string {
  const payload = `${userId}.${now + TTL_MS}`;
  return `${payload}.${mac(payload)}`;
}

export function readSignInTicket(ticket: unknown, now = Date.now()): string | null {
  if (typeof ticket !== "string") return null;
  const parts = ticket.split(".");
  if (parts.length !== 3) return null;
  const [userId, expires, signature] = parts as [string, string, string];
  const expected = Buffer.from(mac(`${userId}.${expires}`));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  if (!(Number(expires) > now)) return null;
  return userId;
}
