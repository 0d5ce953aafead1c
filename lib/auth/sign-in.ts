import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import { getDummyHash, verifyPassword } from "./password";
import { assertNotRateLimited, clearHits, recordHit, type Limit } from "./rate-limit";
import { ZSignIn } from "./schemas";

const WINDOW = 15 * 60;
/** Per account: 5 wrong passwords per 15 minutes. Per IP: 20 (a shared office NAT stays usable). */
export function signInLimits(email: string, ip: string): Limit[] {
  return [
    { key: `sign-in:account:${email}`, limit: 5, windowSeconds: WINDOW },
    { key: `sign-in:ip:${ip}`, limit: 20, windowSeconds: WINDOW },
  ];
}

export const WRONG_CREDENTIALS = "Email or password is incorrect.";

/**
 * Check credentials. The same message for an unknown email and a wrong password,
 * and (by verifying a dummy hash) about the same time.
 */
export async function verifyCredentials(raw: unknown, ip: string): Promise<{ id: string; sessionVersion: number }> {
  const input = parseInput(ZSignIn, raw);
  const limits = signInLimits(input.email, ip);
  await assertNotRateLimited(limits, "Too many failed sign-in attempts.");
  const user = await db.user.findUnique({
    where: { email: input.email },
    select: { id: true, passwordHash: true, sessionVersion: true },
  });
  const ok = await verifyPassword(user?.passwordHash ?? (await getDummyHash()), input.password);
  if (!user || !ok) {
    await recordHit(limits);
    throw new AppError("UNAUTHENTICATED", WRONG_CREDENTIALS);
  }
  await clearHits([limits[0]!.key]);
  return { id: user.id, sessionVersion: user.sessionVersion };
}
