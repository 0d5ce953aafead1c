"use server";

import { revalidatePath } from "next/cache";
import { argText, runAction, type ActionResult } from "@/lib/action";
import { requireActor } from "@/lib/auth/session";
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
