import { Extension, type AnyExtension } from "@tiptap/core";
import Collaboration, { isChangeOrigin } from "@tiptap/extension-collaboration";
import { yCursorPlugin, yUndoPluginKey } from "@tiptap/y-tiptap";
import type { HocuspocusProvider } from "@hocuspocus/provider";
import type { Transaction } from "@tiptap/pm/state";
import type * as Y from "yjs";

type Awareness = NonNullable<HocuspocusProvider["awareness"]>;

/**
 * The Tiptap side of a live section: its fragment and the carets of others in it, and how to tell a transaction
 * that brings someone else's change (menus must not open for those). Only the live editor imports this module:
 * the saving editor carries no Yjs code.
 */
export type LiveBinding = { extensions: AnyExtension[]; isRemote: (transaction: Transaction) => boolean };

/** A remote caret: a coloured line with the person's name above it (y-tiptap's cursor plugin draws it). */
function caret(user: { name?: unknown; color?: unknown }): HTMLElement {
  const color = typeof user.color === "string" && /^#[0-9a-f]{6}$/i.test(user.color) ? user.color : "#4f46e5";
  const name = typeof user.name === "string" ? user.name.slice(0, 60) : "Someone";
  const line = document.createElement("span");
  line.className = "collab-caret";
  line.style.borderColor = color;
  line.setAttribute("data-testid", "remote-caret");
  const label = document.createElement("span");
  label.className = "collab-caret-label";
  label.style.backgroundColor = color;
  label.textContent = name;
  line.append(label);
  return line;
}

function selection(user: { color?: unknown }) {
  const color = typeof user.color === "string" && /^#[0-9a-f]{6}$/i.test(user.color) ? user.color : "#4f46e5";
  return { style: `background-color: ${color}33`, class: "collab-selection" };
}

export function liveBinding(doc: Y.Doc, field: string, awareness: Awareness): LiveBinding {
  const Carets = Extension.create({
    name: "liveCarets",
    addProseMirrorPlugins() {
      return [yCursorPlugin(awareness, { cursorBuilder: caret, selectionBuilder: selection })];
    },
    // Moving the caret (Home, arrows, a click) ends an undo step, as in any editor. Without it, one Ctrl+Z took back
    // this person's typing at two places seconds apart (the live e2e test, about 1 run in 10, before this session too).
    onSelectionUpdate({ transaction }) {
      if (!transaction.docChanged) yUndoPluginKey.getState(this.editor.state)?.undoManager?.stopCapturing();
    },
  });
  return { extensions: [Collaboration.configure({ document: doc, field }), Carets], isRemote: isChangeOrigin };
}
