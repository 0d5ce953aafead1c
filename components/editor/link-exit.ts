import { Extension } from "@tiptap/core";
import { Plugin, PluginKey } from "@tiptap/pm/state";

/**
 * Typing right after a link does not extend it (as in Google Docs): the link mark is inclusive
 * (Tiptap makes it so while autolink is on), so text typed at its end would join the link — after
 * Ctrl+K especially, where the caret sits at the link's end. Text typed at a link's end edge is
 * inserted without the link mark; inside a link, typing still edits its text.
 */
export const LinkExit = Extension.create({
  name: "linkExit",
  addProseMirrorPlugins() {
    return [
      new Plugin({
        key: new PluginKey("linkExit"),
        props: {
          handleTextInput(view, from, to, text) {
            const link = view.state.schema.marks.link;
            if (!link || from !== to) return false;
            const $pos = view.state.doc.resolve(from);
            const before = $pos.nodeBefore;
            const after = $pos.nodeAfter;
            const endOfLink = !!before && link.isInSet(before.marks) && !(after && link.isInSet(after.marks));
            if (!endOfLink) return false;
            const marks = (view.state.storedMarks ?? $pos.marks()).filter((m) => m.type !== link);
            view.dispatch(view.state.tr.replaceWith(from, to, view.state.schema.text(text, marks)));
            return true;
          },
        },
      }),
    ];
  },
});
