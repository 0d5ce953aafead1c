import { Extension, type Editor, type RawCommands } from "@tiptap/core";
import type { Node as PMNode } from "@tiptap/pm/model";
import { loadedTableTools, loadTableTools } from "./table-tools-loader";
import type { TableTools } from "./table-tools";

/**
 * Table editing in the browser editor, on top of the schema-only tables of the doc
 * list (lib/editor/table.ts). The commands and keys exist from the start and hand
 * over to Tiptap's own (./table-tools.ts) once its chunk is here; the plugins join the
 * editor then. A section that opens with a table has the chunk already (the section
 * block fetches it with the editor), so its editor starts complete.
 */

// Tiptap's Table commands (@tiptap/extension-table), every one the editor can be asked for.
const COMMANDS = [
  "insertTable",
  "addColumnBefore",
  "addColumnAfter",
  "deleteColumn",
  "addRowBefore",
  "addRowAfter",
  "deleteRow",
  "deleteTable",
  "mergeCells",
  "splitCell",
  "toggleHeaderColumn",
  "toggleHeaderRow",
  "toggleHeaderCell",
  "mergeOrSplit",
  "setCellAttribute",
  "goToNextCell",
  "goToPreviousCell",
  "fixTables",
  "setCellSelection",
] as const satisfies readonly (keyof RawCommands)[];

const KEYS = ["Tab", "Shift-Tab", "Backspace", "Mod-Backspace", "Delete", "Mod-Delete"] as const;

const tools = new WeakMap<Editor, TableTools>();
const withPlugins = new WeakSet<Editor>();

/** This editor's table tools, if the chunk has arrived. */
function toolsOf(editor: Editor): TableTools | null {
  const chunk = loadedTableTools();
  if (!chunk) return null;
  let mine = tools.get(editor);
  if (!mine) {
    mine = chunk.createTableTools(editor);
    tools.set(editor, mine);
  }
  return mine;
}

function hasTable(doc: PMNode): boolean {
  let found = false;
  doc.descendants((node) => {
    if (found) return false;
    if (node.type.name === "table") found = true;
    return !found && !node.isTextblock;
  });
  return found;
}

/** Fetch the chunk and add its plugins to this editor, once. */
function attach(editor: Editor): void {
  if (withPlugins.has(editor)) return;
  loadTableTools().then(
    () => {
      if (editor.isDestroyed || withPlugins.has(editor)) return;
      withPlugins.add(editor);
      const plugins = toolsOf(editor)!.plugins;
      // First, as prosemirror-tables expects (before gap cursor and the base keys) and
      // as they sat in Tiptap's list, ahead of StarterKit's plugins.
      editor.registerPlugin(plugins[0]!, (_, current) => [...plugins, ...current]);
    },
    () => {}, // offline: the table stays editable as text; the next change tries again
  );
}

export const TableEditing = Extension.create({
  name: "tableEditing",
  addCommands() {
    const forward = (name: (typeof COMMANDS)[number]) =>
      ((...args: unknown[]) =>
        (props: { editor: Editor }) => {
          const command = toolsOf(props.editor)?.commands[name] as
            ((...a: unknown[]) => (p: unknown) => boolean) | undefined;
          return command ? command(...args)(props) : false;
        }) as RawCommands[typeof name];
    return Object.fromEntries(COMMANDS.map((name) => [name, forward(name)])) as Partial<RawCommands>;
  },
  addKeyboardShortcuts() {
    return Object.fromEntries(
      KEYS.map((key) => [
        key,
        ({ editor }: { editor: Editor }) => toolsOf(editor)?.shortcuts[key]?.({ editor }) ?? false,
      ]),
    );
  },
  addProseMirrorPlugins() {
    // Already here (the section opened with a table): the editor starts with them, as with Tiptap's Table.
    const mine = toolsOf(this.editor);
    if (!mine) return [];
    withPlugins.add(this.editor);
    return mine.plugins;
  },
  onCreate() {
    if (hasTable(this.editor.state.doc)) attach(this.editor);
  },
  onTransaction({ transaction }) {
    if (transaction.docChanged && !withPlugins.has(this.editor) && hasTable(transaction.doc)) attach(this.editor);
  },
});
