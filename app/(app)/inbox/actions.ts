"use server";

import { revalidatePath } from "next/cache";
import { argText, runAction, type ActionResult } from "@/lib/action";
import { requireActor } from "@/lib/auth/session";
import { setEmailDigest } from "@/lib/notifications/digest";
import { markNotificationsRead } from "@/lib/notifications/queries";

/** Mark some notifications (or, with no ids, all of them) read. */
export async function markReadAction(ids?: string[]): Promise<ActionResult<{ count: number }>> {
  return runAction(async () => {
    const list = Array.isArray(ids) ? ids.map((id) => argText(id)) : undefined;
    const count = await markNotificationsRead(await requireActor(), list);
    revalidatePath("/", "layout");
    return { count };
  });
}

/** Email notifications at once, or in one daily digest (the person's own choice). */
export async function setEmailDigestAction(value: unknown): Promise<ActionResult<{ digest: "IMMEDIATE" | "DAILY" }>> {
  return runAction(async () => {
    const digest = await setEmailDigest(await requireActor(), argText(value));
    revalidatePath("/inbox");
    return { digest };
  });
}
