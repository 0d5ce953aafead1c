"use client";

import { useCallback, useEffect, useId, useRef, useState, type ReactNode, type RefObject } from "react";
import { createPortal } from "react-dom";
import { cn } from "./cn";
import { useFloatingStyle, type Placement } from "./floating";

/**
 * A hint under a control: shown after `delay` ms of hover, at once on keyboard focus;
 * hidden on leave, blur, press and Escape. It is a hint, not a name: an icon-only
 * trigger still needs its own aria-label (the trigger gets aria-describedby while it shows).
 * Our own ~1 KB instead of Radix Tooltip, which brought floating-ui and its layers into
 * the editor's chunk. Render <TooltipContent> beside the trigger with the trigger's ref.
 */
export function useTooltip(delay = 300) {
  const [open, setOpen] = useState(false);
  const timer = useRef<number>(0);
  const id = useId();
  const hide = useCallback(() => {
    window.clearTimeout(timer.current);
    setOpen(false);
  }, []);
  useEffect(() => () => window.clearTimeout(timer.current), []);
  useEffect(() => {
    if (!open) return;
    const onKey = (event: KeyboardEvent) => event.key === "Escape" && hide();
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, [open, hide]);
  const triggerProps = {
    "aria-describedby": open ? id : undefined,
    onPointerEnter: (event: React.PointerEvent) => {
      if (event.pointerType === "touch") return;
      window.clearTimeout(timer.current);
      timer.current = window.setTimeout(() => setOpen(true), delay);
    },
    onPointerLeave: hide,
    onPointerDown: hide,
    onFocus: (event: React.FocusEvent) => {
      if ((event.target as HTMLElement).matches(":focus-visible")) setOpen(true);
    },
    onBlur: hide,
  };
  return { open, id, triggerProps, hide };
}

export function TooltipContent({
  anchor,
  open,
  id,
  side = "bottom",
  className,
  children,
}: {
  anchor: RefObject<HTMLElement | null>;
  open: boolean;
  id: string;
  side?: Placement;
  className?: string;
  children: ReactNode;
}) {
  const layer = useRef<HTMLDivElement | null>(null);
  const style = useFloatingStyle(anchor, layer, open, side, 6);
  if (!open) return null;
  return createPortal(
    <div
      ref={layer}
      id={id}
      role="tooltip"
      style={style}
      className={cn(
        "pointer-events-none z-50 max-w-xs rounded-md bg-slate-900 px-2 py-1 text-xs text-balance text-white shadow-md",
        "transition-opacity duration-100 starting:opacity-0 motion-reduce:transition-none",
        className,
      )}
    >
      {children}
    </div>,
    document.body,
  );
}
