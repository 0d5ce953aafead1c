"use server";

import { redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import { argText, runAction, toActionError, type ActionResult } from "@/lib/action";
import { requireActor } from "@/lib/auth/session";
import type { PersonDTO, SaveOutcome, SaveSectionInput } from "@/lib/docs/dto";
import { isAppError } from "@/lib/errors";
import { deleteDocForGood } from "@/lib/docs/delete-doc";
import { renameDoc, setDocArchived } from "@/lib/docs/mutations";
import { saveSection } from "@/lib/docs/save-section";
import { saveDocAsTemplate } from "@/lib/templates/mutations";

/** The editor's autosave: every outcome is a value the editor knows how to show, never a throw. */
export async function saveSectionAction(input: SaveSectionInput): Promise<SaveOutcome> {
  try {
    const actor = await requireActor();
    const saved = await saveSection(actor, argText(input?.docId), argText(input?.sectionKey), {
      baseVersion: input?.baseVersion,
      content: input?.content,
    });
    return {
      status: "saved",
      version: saved.version,
      updatedAt: saved.updatedAt.toISOString(),
      updatedBy: saved.updatedBy,
      docRevision: saved.docRevision,
    };
  } catch (error) {
    if (isAppError(error) && error.code === "CONFLICT" && error.details.data) {
      const { current } = error.details.data as {
        current: { version: number; content: never; html: string; updatedAt: string; updatedBy: PersonDTO | null };
      };
      return { status: "conflict", message: error.message, current };
    }
    const failure = toActionError(error);
    if (failure.code === "INVALID_INPUT") return { status: "invalid", message: failure.message };
    if (
      failure.code === "CONFLICT" ||
      failure.code === "FORBIDDEN" ||
      failure.code === "NOT_FOUND" ||
      failure.code === "UNAUTHENTICATED"
    )
      return { status: "denied", message: failure.message };
    return { status: "unavailable", message: failure.message };
  }
}

export async function renameDocAction(docId: string, title: string): Promise<ActionResult<{ title: string }>> {
  return runAction(async () => {
    const result = await renameDoc(await requireActor(), docId, { title });
    revalidatePath("/docs/[slug]", "page");
    return result;
  });
}

export async function setArchivedAction(docId: string, slug: string, archived: boolean): Promise<ActionResult> {
  const result = await runAction(async () => setDocArchived(await requireActor(), docId, archived));
  if (!result.ok) return result;
  revalidatePath("/docs/[slug]", "page");
  redirect(`/docs/${encodeURIComponent(argText(slug))}${archived ? "?archived=1" : ""}`);
}

/** The doc's structure (not its content) as a new workspace template; owners and admins only. */
export async function saveDocAsTemplateAction(
  docId: string,
  input: { name: string },
): Promise<ActionResult<{ id: string; workspaceSlug: string }>> {
  return runAction(async () => {
    const saved = await saveDocAsTemplate(await requireActor(), argText(docId), { name: input?.name });
    revalidatePath("/w/[workspace]", "layout");
    return saved;
  });
}

/** Delete the doc for good (owners and admins, the title typed again), then land on the workspace's doc list. */
export async function deleteDocAction(docId: string, confirmTitle: string): Promise<ActionResult> {
  const result = await runAction(async () => deleteDocForGood(await requireActor(), argText(docId), { confirmTitle }));
  if (!result.ok) return result;
  revalidatePath("/w/[workspace]", "layout");
  redirect(`/w/${encodeURIComponent(result.data.workspaceSlug)}?deleted=1`);
}
