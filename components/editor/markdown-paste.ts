import { Extension } from "@tiptap/core";
import { Plugin, PluginKey } from "@tiptap/pm/state";

/** Larger pastes go in as plain text: the Markdown reader runs on this thread (it is linear, but 200 KB is plenty). */
export const MARKDOWN_PASTE_MAX = 200_000;

// Block-level Markdown a person would not type by accident in plain prose.
const BLOCK = /^(#{1,6}\s|\s*[-*+]\s+\S|\s*\d+[.)]\s+\S|```|~~~|>\s|\|.*\|\s*$|\s*[-*_]{3,}\s*$)/m;
const INLINE = /\[[^\]\n]+\]\([^)\s]+\)|\*\*[^*\n]+\*\*|`[^`\n]+`/;

/** Whether pasted plain text reads as Markdown (headings, lists, fences, tables, quotes, links, bold, code). */
export function looksLikeMarkdown(text: string): boolean {
  if (!text.trim() || text.length > MARKDOWN_PASTE_MAX) return false;
  return BLOCK.test(text) || INLINE.test(text);
}

/**
 * Pasting Markdown text converts it (as Notion and Outline do) with the app's own Markdown reader
 * (lib/markdown/content.ts: markdown-it, linear on hostile input, mapped to this schema), loaded on the
 * first such paste. Only plain-text clipboards: HTML from Google Docs, Confluence or GitHub keeps going
 * through ProseMirror's HTML parser. Inside a code block, text stays text.
 */
export const MarkdownPaste = Extension.create({
  name: "markdownPaste",
  addProseMirrorPlugins() {
    const editor = this.editor;
    return [
      new Plugin({
        key: new PluginKey("markdownPaste"),
        props: {
          handlePaste(view, event) {
            const data = event.clipboardData;
            if (!data || data.types.includes("text/html") || data.files.length) return false;
            const text = data.getData("text/plain");
            if (!looksLikeMarkdown(text)) return false;
            if (view.state.selection.$from.parent.type.spec.code) return false;
            const { from, to } = view.state.selection;
            void import("@/lib/markdown/content").then(
              ({ markdownToContent }) => {
                if (editor.isDestroyed) return;
                const doc = markdownToContent(text);
                editor
                  .chain()
                  .insertContentAt({ from, to }, doc.content ?? [], { updateSelection: true })
                  .run();
              },
              () => editor.isDestroyed || editor.chain().insertContentAt({ from, to }, text).run(),
            );
            return true;
          },
        },
      }),
    ];
  },
});
