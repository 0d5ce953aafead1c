"use server";

import { redirect } from "next/navigation";
import { argText, formFields, keepValues, runAction, type ActionResult } from "@/lib/action";
import { requireActor } from "@/lib/auth/session";
import { createDoc } from "@/lib/docs/create-doc";
import { importMarkdown } from "@/lib/docs/markdown";

export async function createDocAction(
  workspaceId: string,
  _prev: ActionResult | null,
  form: FormData,
): Promise<ActionResult> {
  const fields = formFields(form);
  const input = { title: fields.title ?? "", templateId: fields.templateId || undefined };
  const result = await runAction(async () => createDoc(await requireActor(), argText(workspaceId), input));
  if (!result.ok) return keepValues(result, input, ["title"]);
  redirect(`/docs/${result.data.slug}`);
}

export async function importDocAction(
  workspaceId: string,
  input: { markdown: string; templateId?: string; fileName?: string },
): Promise<ActionResult> {
  const result = await runAction(async () => importMarkdown(await requireActor(), argText(workspaceId), input));
  if (!result.ok) return result;
  // Only a flag: the page reads what the import did from its own record, never from the URL.
  redirect(`/docs/${result.data.slug}?imported=1`);
}
