"use server";

import { revalidatePath } from "next/cache";
import { argText, runAction, type ActionResult } from "@/lib/action";
import { requireActor } from "@/lib/auth/session";
import { archiveTemplate, createTemplate, duplicateTemplate, updateTemplate } from "@/lib/templates/mutations";
import { getTemplateForEditing, type TemplateEditorDTO } from "@/lib/templates/queries";

// The template list, each editor and the new-doc dialog on the workspace home all show templates.
const revalidateWorkspace = () => revalidatePath("/w/[workspace]", "layout");

export async function createTemplateAction(workspaceId: string, input: unknown): Promise<ActionResult<{ id: string }>> {
  return runAction(async () => {
    const created = await createTemplate(await requireActor(), argText(workspaceId), input);
    revalidateWorkspace();
    return created;
  });
}

/** Saves and answers with the template as stored, so the editor learns the keys given to new sections. */
export async function updateTemplateAction(
  workspaceId: string,
  templateId: string,
  input: unknown,
  baseUpdatedAt: string,
): Promise<ActionResult<TemplateEditorDTO>> {
  return runAction(async () => {
    const actor = await requireActor();
    await updateTemplate(actor, argText(workspaceId), argText(templateId), input, {
      baseUpdatedAt: argText(baseUpdatedAt),
    });
    revalidateWorkspace();
    return getTemplateForEditing(actor, argText(workspaceId), argText(templateId));
  });
}

export async function archiveTemplateAction(workspaceId: string, templateId: string): Promise<ActionResult> {
  return runAction(async () => {
    await archiveTemplate(await requireActor(), argText(workspaceId), argText(templateId));
    revalidateWorkspace();
    return undefined;
  });
}

export async function duplicateTemplateAction(
  workspaceId: string,
  templateId: string,
): Promise<ActionResult<{ id: string }>> {
  return runAction(async () => {
    const copy = await duplicateTemplate(await requireActor(), argText(workspaceId), argText(templateId));
    revalidateWorkspace();
    return copy;
  });
}
