"use client";

import type { LucideIcon } from "lucide-react";
import { useRef, type ComponentProps, type ReactNode, type Ref } from "react";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { TooltipContent, useTooltip } from "@/components/ui/tooltip";
import { ariaKeyShortcut, formatShortcut, isApplePlatform } from "./shortcuts";

/** Square, quiet, and blue while its format is on. */
export const toolbarButtonClassName =
  "size-8! rounded-md text-slate-600 hover:text-slate-900 " +
  "aria-pressed:bg-brand-50 aria-pressed:text-brand-800 aria-pressed:hover:bg-brand-100 " +
  "aria-expanded:bg-slate-100 aria-expanded:text-slate-900";

export function ShortcutHint({ label, shortcut }: { label: ReactNode; shortcut?: string }) {
  return (
    <span className="flex items-center gap-2">
      <span>{label}</span>
      {shortcut && (
        <span className="font-mono text-[11px] text-slate-300">{formatShortcut(shortcut, isApplePlatform())}</span>
      )}
    </span>
  );
}

export type ToolbarButtonProps = Omit<ComponentProps<typeof Button>, "children" | "aria-label"> & {
  label: string;
  icon: LucideIcon;
  shortcut?: string;
  /** A toggle (bold, list…) reports its state; a plain action leaves this out. */
  pressed?: boolean;
  /** Keep the editor's selection: a click here must not blur the text. */
  keepFocus?: boolean;
};

/**
 * A toolbar icon button: aria-label (the tooltip is only a hint), aria-pressed for
 * toggles, aria-keyshortcuts, and a tooltip that shows the shortcut.
 */
export function ToolbarButton({
  label,
  icon: Icon,
  shortcut,
  pressed,
  keepFocus = true,
  className,
  onMouseDown,
  ref,
  ...props
}: ToolbarButtonProps) {
  const apple = isApplePlatform();
  const tip = useTooltip();
  const anchor = useRef<HTMLButtonElement | null>(null);
  // The tooltip anchors to the button; a menu or popover trigger passes its own ref too.
  const setRef = (el: HTMLButtonElement | null) => {
    anchor.current = el;
    if (typeof ref === "function") ref(el);
    else if (ref) (ref as { current: HTMLButtonElement | null }).current = el;
  };
  const on =
    <E,>(own: (event: E) => void, theirs?: (event: E) => void) =>
    (event: E) => {
      own(event);
      theirs?.(event);
    };
  const { onPointerEnter, onPointerLeave, onPointerDown, onFocus, onBlur, ...rest } = props;
  return (
    <>
      <Button
        ref={setRef as Ref<HTMLButtonElement>}
        variant="ghost"
        size="icon"
        data-toolbar-item=""
        aria-label={label}
        aria-pressed={pressed}
        aria-keyshortcuts={shortcut ? ariaKeyShortcut(shortcut, apple) : undefined}
        aria-describedby={tip.triggerProps["aria-describedby"]}
        className={cn(toolbarButtonClassName, className)}
        onMouseDown={(event) => {
          if (keepFocus) event.preventDefault();
          onMouseDown?.(event);
        }}
        onPointerEnter={on(tip.triggerProps.onPointerEnter, onPointerEnter)}
        onPointerLeave={on(tip.triggerProps.onPointerLeave, onPointerLeave)}
        onPointerDown={on(tip.triggerProps.onPointerDown, onPointerDown)}
        onFocus={on(tip.triggerProps.onFocus, onFocus)}
        onBlur={on(tip.triggerProps.onBlur, onBlur)}
        {...rest}
      >
        <Icon aria-hidden="true" />
      </Button>
      <TooltipContent anchor={anchor} open={tip.open && !props["aria-expanded"]} id={tip.id}>
        <ShortcutHint label={label} shortcut={shortcut} />
      </TooltipContent>
    </>
  );
}

export function ToolbarDivider() {
  return <span aria-hidden="true" className="mx-1 h-5 w-px shrink-0 self-center bg-slate-200" />;
}
