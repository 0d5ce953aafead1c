import { callOrReturn, Extension, getExtensionField, mergeAttributes, Node } from "@tiptap/core";
import type { TableOptions } from "@tiptap/extension-table";
import { TableCell } from "@tiptap/extension-table/cell";
import { TableHeader } from "@tiptap/extension-table/header";
import { TableRow } from "@tiptap/extension-table/row";
import type { DOMOutputSpec, Node as PMNode } from "@tiptap/pm/model";

/**
 * Tables as a schema only: Tiptap's TableKit nodes, the same names, content, attributes,
 * parsing and HTML, without the editing behaviour. Tiptap's `Table` node carries
 * prosemirror-tables (~14 KB gzip) for cell selection, Tab between cells and the
 * row/column commands; a browser editing a section with no table never needs that, so
 * the editor adds it when a table is there or on its way
 * (components/editor/table-editing.ts). Rows, cells and headers are Tiptap's own.
 *
 * INVARIANT: the schema equals the one Tiptap's TableKit builds (lib/editor/table.test.ts),
 * so content made by Tiptap's Table (pasted, or from older versions) fits this schema.
 */

/** Tiptap's default narrowest column (px): its colgroup and its table view use it. */
export const TABLE_CELL_MIN_WIDTH = 25;

/** `<colgroup>` and the table's width, exactly as Tiptap's createColGroup computes them. */
function colGroup(node: PMNode): { colgroup: DOMOutputSpec; style: string } {
  let totalWidth = 0;
  let fixedWidth = true;
  const cols: DOMOutputSpec[] = [];
  // `tableRow+`: a table always has a first row.
  const row = node.firstChild!;
  for (let i = 0; i < row.childCount; i += 1) {
    const { colspan, colwidth } = row.child(i).attrs as { colspan: number; colwidth: number[] | null };
    for (let j = 0; j < colspan; j += 1) {
      const width = colwidth?.[j];
      totalWidth += width || TABLE_CELL_MIN_WIDTH;
      if (!width) fixedWidth = false;
      cols.push([
        "col",
        { style: width ? `width: ${Math.max(width, TABLE_CELL_MIN_WIDTH)}px` : `min-width: ${TABLE_CELL_MIN_WIDTH}px` },
      ]);
    }
  }
  return {
    colgroup: ["colgroup", {}, ...cols],
    style: fixedWidth ? `width: ${totalWidth}px` : `min-width: ${totalWidth}px`,
  };
}

export const Table = Node.create<Pick<TableOptions, "HTMLAttributes">>({
  name: "table",
  addOptions() {
    return { HTMLAttributes: {} };
  },
  content: "tableRow+",
  tableRole: "table",
  isolating: true,
  group: "block",
  parseHTML() {
    return [{ tag: "table" }];
  },
  renderHTML({ node, HTMLAttributes }) {
    const { colgroup, style } = colGroup(node);
    return [
      "table",
      mergeAttributes(this.options.HTMLAttributes, HTMLAttributes, {
        style: (HTMLAttributes.style as string | undefined) || style,
      }),
      colgroup,
      ["tbody", 0],
    ];
  },
  // prosemirror-tables finds the table nodes by this role; every table node declares one.
  extendNodeSchema(extension) {
    const context = { name: extension.name, options: extension.options, storage: extension.storage };
    return { tableRole: callOrReturn(getExtensionField(extension, "tableRole", context)) };
  },
});

/** Same order as Tiptap's TableKit (node order is part of the schema). */
export const TableKit = Extension.create({
  name: "tableKit",
  addExtensions() {
    return [Table, TableCell, TableHeader, TableRow];
  },
});
