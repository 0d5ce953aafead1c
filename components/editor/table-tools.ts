import { getExtensionField, type Editor, type KeyboardShortcutCommand, type RawCommands } from "@tiptap/core";
import { Table } from "@tiptap/extension-table/table";
import { Plugin, PluginKey, type Plugin as PMPlugin } from "@tiptap/pm/state";

/**
 * Tiptap's own table editing, for one editor: the commands, the keys (Tab between
 * cells, deleting a fully selected table), prosemirror-tables' plugins (cell
 * selection, arrow keys, pasting cells) and Tiptap's table view. A lazy chunk, loaded
 * by ./table-tools-loader.ts when a section has or gets a table; the schema itself is
 * always there (lib/editor/table.ts).
 */
export type TableTools = {
  commands: Partial<RawCommands>;
  shortcuts: Record<string, KeyboardShortcutCommand>;
  plugins: PMPlugin[];
};

const options = Table.options;

export function createTableTools(editor: Editor): TableTools {
  // What Tiptap hands a Table extension it runs itself (ExtensionManager).
  const context = { name: Table.name, options, storage: {}, editor, type: editor.schema.nodes.table! };
  const commands = getExtensionField<() => Partial<RawCommands>>(Table, "addCommands", context)();
  const shortcuts = getExtensionField<() => Record<string, KeyboardShortcutCommand>>(
    Table,
    "addKeyboardShortcuts",
    context,
  )();
  const plugins = getExtensionField<() => PMPlugin[]>(Table, "addProseMirrorPlugins", context)();
  // The wrapper Tiptap's table view draws (scrolls a wide table in place), as a plugin
  // so it can arrive after the editor was made: ProseMirror redraws with it.
  const View = options.View!;
  const view = new Plugin({
    key: new PluginKey("tableView"),
    props: {
      nodeViews: {
        table: (node, editorView) => new View(node, options.cellMinWidth, editorView, options.HTMLAttributes),
      },
    },
  });
  return { commands, shortcuts, plugins: [...plugins, view] };
}
