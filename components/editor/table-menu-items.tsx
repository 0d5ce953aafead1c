"use client";

import type { ChainedCommands, Editor } from "@tiptap/react";
import type { RefObject } from "react";
import { Menu, MenuItem, MenuLabel, MenuSeparator } from "@/components/ui/menu";

type Action = { label: string; run: (chain: ChainedCommands) => ChainedCommands; danger?: boolean };

const ROW_COLUMN: Action[] = [
  { label: "Add row above", run: (c) => c.addRowBefore() },
  { label: "Add row below", run: (c) => c.addRowAfter() },
  { label: "Add column left", run: (c) => c.addColumnBefore() },
  { label: "Add column right", run: (c) => c.addColumnAfter() },
];
const HEADER: Action = { label: "Header row on/off", run: (c) => c.toggleHeaderRow() };
const REMOVE: Action[] = [
  { label: "Delete row", run: (c) => c.deleteRow(), danger: true },
  { label: "Delete column", run: (c) => c.deleteColumn(), danger: true },
  { label: "Delete table", run: (c) => c.deleteTable(), danger: true },
];

export type TableMenuItemsProps = {
  id: string;
  editor: Editor;
  inTable: boolean;
  open: boolean;
  onOpenChange: (open: boolean) => void;
  anchor: RefObject<HTMLButtonElement | null>;
};

/** The Table button's menu; loaded the first time it opens (./table-menu.tsx). */
export function TableMenuItems({ id, editor, inTable, open, onOpenChange, anchor }: TableMenuItemsProps) {
  const close = () => onOpenChange(false);
  const item = (action: Action) => (
    <MenuItem
      key={action.label}
      variant={action.danger ? "danger" : "default"}
      disabled={!action.run(editor.can().chain()).run()}
      onClose={close}
      onSelect={() => action.run(editor.chain().focus()).run()}
    >
      {action.label}
    </MenuItem>
  );
  return (
    <Menu
      id={id}
      open={open}
      onOpenChange={onOpenChange}
      anchor={anchor}
      aria-label="Table"
      onCloseFocus={() => editor.commands.focus()}
    >
      {!inTable ? (
        <MenuItem
          onClose={close}
          onSelect={() => editor.chain().focus().insertTable({ rows: 3, cols: 3, withHeaderRow: true }).run()}
        >
          Insert table (3 × 3)
        </MenuItem>
      ) : (
        <>
          <MenuLabel>Table</MenuLabel>
          {ROW_COLUMN.map(item)}
          {item(HEADER)}
          <MenuSeparator />
          {REMOVE.map(item)}
        </>
      )}
    </Menu>
  );
}
