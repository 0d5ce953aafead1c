"use client";

import { type ComponentProps, type RefObject } from "react";
import { createPortal } from "react-dom";
import { cn } from "./cn";
import { useAnchoredLayer } from "./floating";
import { FLOATING_SURFACE } from "./floating-surface";

type PopoverContentProps = Omit<ComponentProps<"div">, "ref"> & {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  /** The trigger: the layer sits under it, and a press on it is not an outside press. */
  anchor: RefObject<HTMLElement | null>;
  /**
   * After a close by Escape or from inside (not by a press elsewhere, which takes focus itself). Default: focus the
   * trigger.
   */
  onCloseFocus?: () => void;
};

/**
 * A non-modal panel under its trigger, role="dialog" (give it an aria-label or a heading
 * wired to aria-labelledby): focus moves into it on open; Escape or a press outside closes it.
 * The trigger owns its state: `aria-expanded`, `aria-haspopup="dialog"`, `aria-controls`.
 * Our own instead of Radix Popover, whose popper and layers weighed ~25 KB gzip in the editor.
 */
export function PopoverContent({
  open,
  onOpenChange,
  anchor,
  onCloseFocus,
  className,
  children,
  ...props
}: PopoverContentProps) {
  const { layer, style } = useAnchoredLayer({
    open,
    onOpenChange,
    anchor,
    onCloseFocus,
    focusFirst: "input, textarea, select, button, [href], [tabindex]:not([tabindex='-1'])",
  });
  if (!open) return null;
  return createPortal(
    <div
      ref={layer}
      role="dialog"
      style={style}
      className={cn(FLOATING_SURFACE, "w-72 p-4 text-slate-900 focus:outline-hidden", className)}
      {...props}
    >
      {children}
    </div>,
    document.body,
  );
}
