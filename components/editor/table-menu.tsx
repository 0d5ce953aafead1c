"use client";

import type { ChainedCommands, Editor } from "@tiptap/react";
import { Table as TableIcon } from "lucide-react";
import { useId, useRef, useState } from "react";
import { Menu, MenuItem, MenuLabel, MenuSeparator } from "@/components/ui/menu";
import { ToolbarButton } from "./toolbar-button";

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

/** Insert a 3 × 3 table, or change the one the cursor is in. */
export function TableMenu({ editor, inTable, disabled }: { editor: Editor; inTable: boolean; disabled: boolean }) {
  const [open, setOpen] = useState(false);
  const trigger = useRef<HTMLButtonElement | null>(null);
  const id = useId();
  const close = () => setOpen(false);
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
    <>
      <ToolbarButton
        ref={trigger}
        label="Table"
        icon={TableIcon}
        pressed={inTable}
        disabled={disabled}
        keepFocus={false}
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? id : undefined}
        onClick={() => setOpen(!open)}
        onKeyDown={(event) => {
          if (event.key !== "ArrowDown") return;
          event.preventDefault();
          setOpen(true);
        }}
      />
      <Menu id={id} open={open} onOpenChange={setOpen} anchor={trigger} aria-label="Table" onCloseFocus={() => editor.commands.focus()}>
        {!inTable ? (
          <MenuItem onClose={close} onSelect={() => editor.chain().focus().insertTable({ rows: 3, cols: 3, withHeaderRow: true }).run()}>
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
    </>
  );
}
