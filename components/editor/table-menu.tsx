"use client";

import type { ChainedCommands, Editor } from "@tiptap/react";
import { Table as TableIcon } from "lucide-react";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";
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
  const item = (action: Action) => (
    <DropdownMenuItem
      key={action.label}
      variant={action.danger ? "danger" : "default"}
      disabled={!action.run(editor.can().chain()).run()}
      onSelect={() => action.run(editor.chain().focus()).run()}
    >
      {action.label}
    </DropdownMenuItem>
  );
  return (
    <DropdownMenu>
      <DropdownMenuTrigger asChild>
        <ToolbarButton label="Table" icon={TableIcon} pressed={inTable} disabled={disabled} keepFocus={false} />
      </DropdownMenuTrigger>
      <DropdownMenuContent
        onCloseAutoFocus={(event) => {
          event.preventDefault();
          editor.commands.focus();
        }}
      >
        {!inTable ? (
          <DropdownMenuItem onSelect={() => editor.chain().focus().insertTable({ rows: 3, cols: 3, withHeaderRow: true }).run()}>
            Insert table (3 × 3)
          </DropdownMenuItem>
        ) : (
          <>
            <DropdownMenuLabel>Table</DropdownMenuLabel>
            {ROW_COLUMN.map(item)}
            {item(HEADER)}
            <DropdownMenuSeparator />
            {REMOVE.map(item)}
          </>
        )}
      </DropdownMenuContent>
    </DropdownMenu>
  );
}
