"use client";

import type { Editor } from "@tiptap/react";
import { Table as TableIcon } from "lucide-react";
import { useId, useRef, useState } from "react";
import { toast } from "@/components/ui/toaster";
import { createComponentLoader, useLazyComponent } from "@/components/ui/use-lazy-component";
import { loadTableTools } from "./table-tools-loader";
import { ToolbarButton } from "./toolbar-button";

// The menu (its items and keyboard handling) comes on first hover, focus or opening,
// with table editing itself, so "Insert table" and the row/column commands work at once.
const tableMenuItems = createComponentLoader(() =>
  Promise.all([import("./table-menu-items"), loadTableTools()]).then(([m]) => m.TableMenuItems),
);

/** Insert a 3 × 3 table, or change the one the cursor is in. */
export function TableMenu({ editor, inTable, disabled }: { editor: Editor; inTable: boolean; disabled: boolean }) {
  const [open, setOpen] = useState(false);
  const trigger = useRef<HTMLButtonElement | null>(null);
  const id = useId();
  const { Component: Items, preload } = useLazyComponent(tableMenuItems, open, () => {
    setOpen(false);
    toast.error("The table menu could not be loaded. Check your connection and try again.");
  });
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
        aria-controls={open && Items ? id : undefined}
        onClick={() => setOpen(!open)}
        onPointerEnter={preload}
        onFocus={preload}
        onKeyDown={(event) => {
          if (event.key !== "ArrowDown") return;
          event.preventDefault();
          setOpen(true);
        }}
      />
      {Items && <Items id={id} editor={editor} inTable={inTable} open={open} onOpenChange={setOpen} anchor={trigger} />}
    </>
  );
}
