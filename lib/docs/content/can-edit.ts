import { docCan, type DocRole } from "@/lib/docs/policy";

/**
 * THE answer to "may this caller change section content now" (role, archived, locked).
 * The page (to offer editing), the API and actions (through the pipeline), the pipeline
 * itself (under the row locks) and the collaboration server ask it. Pure and client-safe.
 *
 * An annotation (a comment anchor's mark) needs only the comment permission and is
 * allowed on a locked doc: it changes no reviewed content.
 */
export type EditRefusal = { ok: false; code: "FORBIDDEN" | "CONFLICT"; message: string };
export type EditAnswer = { ok: true } | EditRefusal;

export type EditState = { role: DocRole | null; archived: boolean; locked: boolean };

export const NOT_EDITOR = "You can read this doc but not edit it.";
export const ARCHIVED = "This doc is archived. Restore it to make changes.";
export const LOCKED = "This doc is approved and locked against edits. An owner can unlock it.";

export function canEditContent(state: EditState, purpose: "edit" | "annotate" = "edit"): EditAnswer {
  if (purpose === "annotate") {
    if (!docCan(state.role, "comment")) return { ok: false, code: "FORBIDDEN", message: "You cannot comment here." };
    if (state.archived) return { ok: false, code: "CONFLICT", message: "This doc is archived. Restore it to comment." };
    return { ok: true };
  }
  if (!docCan(state.role, "edit")) return { ok: false, code: "FORBIDDEN", message: NOT_EDITOR };
  if (state.archived) return { ok: false, code: "CONFLICT", message: ARCHIVED };
  if (state.locked) return { ok: false, code: "CONFLICT", message: LOCKED };
  return { ok: true };
}
