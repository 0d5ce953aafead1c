import type { Editor } from "@tiptap/react";
import type { KeyboardEvent } from "react";
import { isEmptyDoc } from "@/lib/editor/text";
import { SECTION_MENTION_KEY } from "./section-mentions";
import { SLASH_MENU_KEY } from "./slash-menu";

/**
 * How the saving editor (section-editor.tsx) and the live editor (live-section-editor.tsx) finish: Escape or
 * Done (the rest they share is in section-editor-frame.tsx).
 */

/** The read view a section shows after its editor closed: the same HTML the server renders. */
export type FinishedView = { html: string; isEmpty: boolean };

/** Done / Escape: `settled` resolves once what was typed is on its way to the server (or stored). */
export type OnDone = (view: FinishedView, settled: Promise<unknown>) => void;

/**
 * The editor's content as read-view HTML, rendered by the server's own renderer (its grammars are a chunk of
 * their own, fetched when a section is first closed), so a closed section reads as it will after a reload.
 */
export async function finishedView(editor: Editor): Promise<FinishedView> {
  const json = editor.getJSON();
  const { renderDocToHTML } = await import("@/lib/editor/render-html");
  return { html: renderDocToHTML(json), isEmpty: isEmptyDoc(json) };
}

/**
 * Escape leaves editing, caught on its way down (ProseMirror marks every Escape handled, so it cannot be told
 * apart on the way up): unless the slash menu or the people list is open, which closes on it instead.
 */
export function handleEscape(event: KeyboardEvent<HTMLDivElement>, editor: Editor, done: () => void): void {
  if (event.key !== "Escape" || event.ctrlKey || event.metaKey || event.altKey || event.shiftKey) return;
  if (!editor.view.dom.contains(event.target as globalThis.Node)) return;
  const open = [SLASH_MENU_KEY, SECTION_MENTION_KEY].some((key) => key.getState(editor.state)?.active);
  if (!open) done();
}
