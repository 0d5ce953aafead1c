"use server";

import { revalidatePath } from "next/cache";
import { argText, runAction, type ActionResult } from "@/lib/action";
import { requireActor } from "@/lib/auth/session";
import { addSection, moveSection, removeSection, renameSection } from "@/lib/docs/extra-sections";

/** Sections of the doc's own (beyond its template): add, rename, move, remove. */

export async function addSectionAction(
  docId: string,
  input: { title: string },
): Promise<ActionResult<{ key: string }>> {
  return runAction(async () => {
    const added = await addSection(await requireActor(), argText(docId), { title: input?.title });
    revalidatePath("/docs/[slug]", "page");
    return added;
  });
}

export async function renameSectionAction(docId: string, key: string, input: { title: string }): Promise<ActionResult> {
  return runAction(async () => {
    await renameSection(await requireActor(), argText(docId), argText(key), { title: input?.title });
    revalidatePath("/docs/[slug]", "page");
    return undefined;
  });
}

export async function moveSectionAction(docId: string, key: string, direction: "up" | "down"): Promise<ActionResult> {
  return runAction(async () => {
    await moveSection(await requireActor(), argText(docId), argText(key), { direction });
    revalidatePath("/docs/[slug]", "page");
    return undefined;
  });
}

export async function removeSectionAction(docId: string, key: string): Promise<ActionResult> {
  return runAction(async () => {
    await removeSection(await requireActor(), argText(docId), argText(key));
    revalidatePath("/docs/[slug]", "page");
    return undefined;
  });
}
