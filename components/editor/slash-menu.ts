import { Extension, type Editor, type Range } from "@tiptap/core";
import { PluginKey, type Transaction } from "@tiptap/pm/state";
import { Suggestion } from "./lazy-suggestion";
import { suggestionList } from "@/components/ui/suggestion-list";
import { ACCEPTED_IMAGE_TYPES } from "@/lib/media/limits";
import { DIAGRAM_STARTER } from "./block-commands";
import { startImageUploads } from "./image-uploads";
import { loadTableTools } from "./table-tools-loader";

/** The menu's plugin: its state says whether the menu is open (an open menu takes Escape for itself). */
export const SLASH_MENU_KEY = new PluginKey<{ active: boolean }>("slashMenu");

/** One block the slash menu inserts. `words`: other names people type for it ("ul", "hr", "mermaid"). */
export type SlashItem = {
  key: string;
  label: string;
  hint: string;
  words: string[];
  run: (editor: Editor, range: Range, docId: string) => void;
};

const chainAt = (editor: Editor, range: Range) => editor.chain().focus().deleteRange(range);

export const SLASH_ITEMS: SlashItem[] = [
  {
    key: "heading",
    label: "Heading",
    hint: "###",
    words: ["h3", "title"],
    run: (e, r) => chainAt(e, r).setNode("heading", { level: 3 }).run(),
  },
  {
    key: "subheading",
    label: "Subheading",
    hint: "####",
    words: ["h4"],
    run: (e, r) => chainAt(e, r).setNode("heading", { level: 4 }).run(),
  },
  {
    key: "bullet",
    label: "Bulleted list",
    hint: "-",
    words: ["ul", "unordered", "bullet"],
    run: (e, r) => chainAt(e, r).toggleBulletList().run(),
  },
  {
    key: "numbered",
    label: "Numbered list",
    hint: "1.",
    words: ["ol", "ordered"],
    run: (e, r) => chainAt(e, r).toggleOrderedList().run(),
  },
  {
    key: "task",
    label: "Task list",
    hint: "[ ]",
    words: ["todo", "checkbox", "checklist"],
    run: (e, r) => chainAt(e, r).toggleTaskList().run(),
  },
  {
    key: "table",
    label: "Table",
    hint: "3 × 3",
    words: ["grid"],
    run: (e, r) => {
      chainAt(e, r).run();
      // Table editing is a chunk of its own (./table-tools-loader.ts): insert once it is here.
      void loadTableTools().then(
        () => e.isDestroyed || e.chain().focus().insertTable({ rows: 3, cols: 3, withHeaderRow: true }).run(),
        () => {},
      );
    },
  },
  {
    key: "code",
    label: "Code block",
    hint: "```",
    words: ["snippet", "pre"],
    run: (e, r) => chainAt(e, r).setCodeBlock().run(),
  },
  {
    key: "quote",
    label: "Quote",
    hint: ">",
    words: ["blockquote", "citation"],
    run: (e, r) => chainAt(e, r).toggleBlockquote().run(),
  },
  {
    key: "divider",
    label: "Divider",
    hint: "---",
    words: ["hr", "rule", "separator"],
    run: (e, r) => chainAt(e, r).setHorizontalRule().run(),
  },
  {
    key: "image",
    label: "Image",
    hint: "upload",
    words: ["picture", "photo", "screenshot"],
    run: (e, r, docId) => {
      chainAt(e, r).run();
      const input = Object.assign(document.createElement("input"), {
        type: "file",
        multiple: true,
        accept: ACCEPTED_IMAGE_TYPES.join(","),
      });
      input.addEventListener("change", () => {
        const files = [...(input.files ?? [])];
        if (files.length && !e.isDestroyed) startImageUploads(e, docId, files, e.state.selection.from);
      });
      input.click();
    },
  },
  {
    key: "diagram",
    label: "Diagram (Mermaid)",
    hint: "flowchart",
    words: ["mermaid", "flowchart", "sequence", "chart"],
    run: (e, r) =>
      chainAt(e, r)
        .insertContent({
          type: "codeBlock",
          attrs: { language: "mermaid" },
          content: [{ type: "text", text: DIAGRAM_STARTER }],
        })
        .run(),
  },
];

/** Blocks whose name (or another word for them) starts with what was typed after "/"; names first. */
export function filterSlashItems(query: string, items: readonly SlashItem[] = SLASH_ITEMS): SlashItem[] {
  const q = query.trim().toLowerCase();
  if (!q) return [...items];
  const byName = items.filter((i) =>
    i.label
      .toLowerCase()
      .split(/[\s()]+/)
      .some((w) => w.startsWith(q)),
  );
  const byWord = items.filter((i) => !byName.includes(i) && i.words.some((w) => w.startsWith(q)));
  return [...byName, ...byWord];
}

function optionContent(item: SlashItem): Node[] {
  const label = Object.assign(document.createElement("span"), { className: "flex-1", textContent: item.label });
  const hint = Object.assign(document.createElement("span"), {
    className: "font-mono text-xs text-slate-500",
    textContent: item.hint,
  });
  hint.setAttribute("aria-hidden", "true");
  return [label, hint];
}

/**
 * "/" at the start of a line or after a space opens a menu of blocks (as in Notion, Confluence and Outline):
 * typing filters it, arrows move, Enter inserts, Escape closes it and leaves the "/" as typed. Not inside code
 * blocks (a path or a comment there is text). Never opened by someone else's change in a live doc.
 */
export const SlashMenu = Extension.create<{ docId: string; isRemote: (transaction: Transaction) => boolean }>({
  name: "slashMenu",
  addOptions: () => ({ docId: "", isRemote: () => false }),
  addProseMirrorPlugins() {
    const { docId, isRemote } = this.options;
    return [
      Suggestion<SlashItem, SlashItem>({
        editor: this.editor,
        pluginKey: SLASH_MENU_KEY,
        char: "/",
        decorationClass: "slash-query",
        allow: ({ state, range }) => !state.doc.resolve(range.from).parent.type.spec.code,
        shouldShow: ({ transaction }) => !isRemote(transaction),
        items: ({ query }) => filterSlashItems(query),
        command: ({ editor, range, props }) => props.run(editor, range, docId),
        render: suggestionList<SlashItem>({
          label: "Insert a block",
          render: optionContent,
          empty: "No block by that name",
          key: (item) => item.key,
        }),
      }),
    ];
  },
});
