"use server";

import { revalidatePath } from "next/cache";
import { argText, runAction, type ActionResult } from "@/lib/action";
import { requireActor } from "@/lib/auth/session";
import { previewRestore, restoreSections, type RestorePreview, type RestoreResult } from "@/lib/docs/content";
import type { HistoryPageDTO, NamedVersionDTO } from "@/lib/history/dto";
import { listHistory } from "@/lib/history/list-history";
import { nameCurrentVersion } from "@/lib/history/named-versions";
import { parseRestoreInput } from "@/lib/history/restore-input";
import type { TNameVersion, TRestore } from "@/lib/history/schemas";
import { recordDocVisit } from "@/lib/history/visits";

const refresh = () => revalidatePath("/docs/[slug]", "layout");

/** One page of the doc's history (the history panel loads and pages with it). */
export async function listHistoryAction(docId: string, before?: string): Promise<ActionResult<HistoryPageDTO>> {
  return runAction(async () =>
    listHistory(
      await requireActor(),
      { id: argText(docId) },
      { before: before === undefined ? undefined : argText(before) },
    ),
  );
}

/** What restoring to a point would change (the confirm dialog lists it). Editors only. */
export async function previewRestoreAction(
  docId: string,
  seq: string,
  input: TRestore,
): Promise<ActionResult<RestorePreview>> {
  return runAction(async () => {
    const actor = await requireActor();
    const { point, scope } = parseRestoreInput(argText(seq), input);
    return previewRestore(actor, argText(docId), point, scope);
  });
}

/** Restore sections (none listed: the whole doc) to a point in history. Editors only. */
export async function restoreAction(docId: string, seq: string, input: TRestore): Promise<ActionResult<RestoreResult>> {
  return runAction(async () => {
    const actor = await requireActor();
    const { point, scope } = parseRestoreInput(argText(seq), input);
    const result = await restoreSections(actor, argText(docId), point, scope);
    refresh();
    return result;
  });
}

/** Name the doc's current point ("v1.0 — sent for review"). Editors only. */
export async function nameVersionAction(docId: string, input: TNameVersion): Promise<ActionResult<NamedVersionDTO>> {
  return runAction(async () => {
    const result = await nameCurrentVersion(await requireActor(), argText(docId), input);
    refresh();
    return result;
  });
}

/** This person opened the doc (for "changes since my last visit", kept per person on the server). */
export async function recordVisitAction(docId: string): Promise<ActionResult<null>> {
  return runAction(async () => {
    await recordDocVisit(await requireActor(), argText(docId));
    return null;
  });
}
