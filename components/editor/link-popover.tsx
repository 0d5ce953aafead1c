"use client";

import type { Editor } from "@tiptap/react";
import { Link as LinkIcon } from "lucide-react";
import { useId, useRef } from "react";
import { toast } from "@/components/ui/toaster";
import { createComponentLoader, useLazyComponent } from "@/components/ui/use-lazy-component";
import { ToolbarButton } from "./toolbar-button";

type LinkPopoverProps = {
  editor: Editor;
  active: boolean;
  disabled: boolean;
  open: boolean;
  onOpenChange: (open: boolean) => void;
};

// The field (its form, validation and popover) comes on first hover, focus or opening.
const linkPanel = createComponentLoader(() => import("./link-panel").then((m) => m.LinkPanel));

/** The link button and its field. Only http, https, mailto, #anchors and /paths get through. */
export function LinkPopover({ editor, active, disabled, open, onOpenChange }: LinkPopoverProps) {
  const trigger = useRef<HTMLButtonElement | null>(null);
  const id = useId();
  const { Component: Panel, preload } = useLazyComponent(linkPanel, open, () => {
    onOpenChange(false);
    toast.error("The link field could not be loaded. Check your connection and try again.");
  });
  return (
    <>
      <ToolbarButton
        ref={trigger}
        label="Link"
        icon={LinkIcon}
        shortcut="Mod-k"
        pressed={active}
        disabled={disabled}
        keepFocus={false}
        aria-haspopup="dialog"
        aria-expanded={open}
        aria-controls={open && Panel ? id : undefined}
        onClick={() => onOpenChange(!open)}
        onPointerEnter={preload}
        onFocus={preload}
      />
      {Panel && <Panel id={id} editor={editor} open={open} onOpenChange={onOpenChange} anchor={trigger} />}
    </>
  );
}
