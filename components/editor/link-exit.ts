import { Extension } from "@tiptap/core";
import { Plugin, PluginKey, type EditorState, type Transaction } from "@tiptap/pm/state";

/**
 * Text typed at a link's end edge, as ProseMirror reports it (its handleTextInput): inserted without the link mark.
 * Returns false when the text goes elsewhere (ProseMirror inserts it as usual).
 *
 * `deflt` is ProseMirror's own transaction for this input, and the caret after it is the browser's (where the text
 * went in). A transaction of our own from `state.tr` would keep the editor's selection instead, which can lag the
 * browser's: a key that moves the caret (End) is heard of on the next "selectionchange", and under load the next
 * keystroke arrives first. With a word still selected there (a link just made by pasting a URL over it), " " typed
 * after End selected the word and the space, and the next letter replaced both (issue 14: "spec" lost).
 */
export function typeAtLinkEnd(
  view: { state: EditorState; dispatch: (tr: Transaction) => void },
  from: number,
  to: number,
  text: string,
  deflt: () => Transaction,
): boolean {
  const link = view.state.schema.marks.link;
  if (!link || from !== to) return false;
  const $pos = view.state.doc.resolve(from);
  const before = $pos.nodeBefore;
  const after = $pos.nodeAfter;
  const endOfLink = !!before && link.isInSet(before.marks) && !(after && link.isInSet(after.marks));
  if (!endOfLink) return false;
  view.dispatch(deflt().removeMark(from, from + text.length, link));
  return true;
}

/**
 * Typing right after a link does not extend it (as in Google Docs): the link mark is inclusive
 * (Tiptap makes it so while autolink is on), so text typed at its end would join the link — after
 * Ctrl+K especially, where the caret sits at the link's end. Text typed at a link's end edge is
 * inserted without the link mark; inside a link, typing still edits its text.
 */
export const LinkExit = Extension.create({
  name: "linkExit",
  addProseMirrorPlugins() {
    return [linkExitPlugin()];
  },
});

export function linkExitPlugin(): Plugin {
  return new Plugin({ key: new PluginKey("linkExit"), props: { handleTextInput: typeAtLinkEnd } });
}
