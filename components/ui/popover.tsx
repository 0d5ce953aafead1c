"use client";

import { type ComponentProps, type RefObject } from "react";
import { createPortal } from "react-dom";
import { cn } from "./cn";
import { useAnchoredLayer } from "./floating";

type PopoverContentProps = Omit<ComponentProps<"div">, "ref"> & {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  /** The trigger: the layer sits under it, and a press on it is not an outside press. */
  anchor: RefObject<HTMLElement | null>;
  /** After a close by Escape or from inside (not by a press elsewhere, which takes focus itself). Default: focus the trigger. */
  onCloseFocus?: () => void;
};

/**
 * A non-modal panel under its trigger, role="dialog" (give it an aria-label or a heading
 * wired to aria-labelledby): focus moves into it on open; Escape or a press outside closes it.
 * The trigger owns its state: `aria-expanded`, `aria-haspopup="dialog"`, `aria-controls`.
 * Our own instead of Radix Popover, whose popper and layers weighed ~25 KB gzip in the editor.
 */
export function PopoverContent({ open, onOpenChange, anchor, onCloseFocus, className, children, ...props }: PopoverContentProps) {
  const { layer, style } = useAnchoredLayer({ open, onOpenChange, anchor, onCloseFocus, focusFirst: "input, textarea, select, button, [href], [tabindex]:not([tabindex='-1'])" });
  if (!open) return null;
  return createPortal(
    <div
      ref={layer}
      role="dialog"
      style={style}
      className={cn(
        "z-50 w-72 max-w-[calc(100vw-1rem)] overflow-y-auto",
        "rounded-md border border-slate-200 bg-white p-4 text-sm text-slate-900 shadow-lg focus:outline-hidden",
        "transition-[opacity,scale] duration-100 ease-out starting:scale-95 starting:opacity-0 motion-reduce:transition-none",
        className,
      )}
      {...props}
    >
      {children}
    </div>,
    document.body,
  );
}
