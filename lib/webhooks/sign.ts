import { createHmac, timingSafeEqual } from "node:crypto";

/**
 * Signatures in the style of Stripe: `X-DesignReview-Signature: t=<unix seconds>,v1=<hex>` where the hex is
 * HMAC-SHA256(secret, "<t>.<raw body>"). Signing the time with the body lets a receiver refuse replays older than
 * its tolerance. Receivers recompute it over the bytes they received (before parsing) and compare in constant time.
 */
export function signatureOf(secret: string, timestamp: number, body: string): string {
  return createHmac("sha256", secret).update(`${timestamp}.${body}`).digest("hex");
}

export function signatureHeader(secret: string, body: string, now = Date.now()): string {
  const t = Math.floor(now / 1000);
  return `t=${t},v1=${signatureOf(secret, t, body)}`;
}

/** What a receiver does (used by the tests and documented in the README): true when the header signs this body. */
export function verifySignature(
  secret: string,
  header: string,
  body: string,
  toleranceSeconds = 300,
  now = Date.now(),
): boolean {
  const parts = new Map(header.split(",").map((p) => p.split("=", 2) as [string, string]));
  const t = Number(parts.get("t"));
  const v1 = parts.get("v1") ?? "";
  if (!Number.isInteger(t) || Math.abs(now / 1000 - t) > toleranceSeconds || !/^[0-9a-f]{64}$/.test(v1)) return false;
  return timingSafeEqual(Buffer.from(v1, "hex"), Buffer.from(signatureOf(secret, t, body), "hex"));
}
