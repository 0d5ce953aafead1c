"use client";

import { type ComponentProps, type KeyboardEvent, type ReactNode, type RefObject } from "react";
import { createPortal } from "react-dom";
import { cn } from "./cn";
import { useAnchoredLayer } from "./floating";
import { FLOATING_SURFACE } from "./floating-surface";

type MenuProps = {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  /** The trigger (`aria-haspopup="menu"`, `aria-expanded`, `aria-controls`): the menu sits under it. */
  anchor: RefObject<HTMLElement | null>;
  /** After any close but a press elsewhere. Default: focus the trigger. */
  onCloseFocus?: () => void;
  id?: string;
  "aria-label"?: string;
  className?: string;
  children: ReactNode;
};

const ITEM = "[role=menuitem]:not([aria-disabled=true])";

/**
 * A small action menu (WAI-ARIA menu button pattern): the first item takes focus on open,
 * arrow keys, Home and End move, Enter or Space runs an item and closes, Escape and Tab
 * close. Non-modal like our DropdownMenu. For a toolbar whose code must stay light; pages
 * keep the Radix DropdownMenu (type-ahead, submenus, checkbox items).
 */
export function Menu({ open, onOpenChange, anchor, onCloseFocus, className, children, ...props }: MenuProps) {
  const { layer, style } = useAnchoredLayer({ open, onOpenChange, anchor, onCloseFocus, focusFirst: ITEM });

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    if (event.key === "Tab") {
      onOpenChange(false);
      return;
    }
    const items = [...(layer.current?.querySelectorAll<HTMLElement>(ITEM) ?? [])];
    const index = items.indexOf(document.activeElement as HTMLElement);
    const next =
      event.key === "ArrowDown"
        ? (index + 1) % items.length
        : event.key === "ArrowUp"
          ? (index - 1 + items.length) % items.length
          : event.key === "Home"
            ? 0
            : event.key === "End"
              ? items.length - 1
              : null;
    if (next === null || !items.length) return;
    event.preventDefault();
    items[next]?.focus();
  }

  if (!open) return null;
  return createPortal(
    <div
      ref={layer}
      role="menu"
      tabIndex={-1}
      aria-orientation="vertical"
      style={style}
      onKeyDown={onKeyDown}
      className={cn(FLOATING_SURFACE, "min-w-44 p-1 text-slate-700 outline-hidden", className)}
      {...props}
    >
      {children}
    </div>,
    document.body,
  );
}

type MenuItemProps = Omit<ComponentProps<"div">, "onSelect"> & {
  onSelect: () => void;
  /** Close the menu (the parent's setter); called before `onSelect`. */
  onClose: () => void;
  disabled?: boolean;
  variant?: "default" | "danger";
};

/** Focus follows the pointer, as in Radix menus, so hover and keyboard share one highlight. */
export function MenuItem({
  onSelect,
  onClose,
  disabled = false,
  variant = "default",
  className,
  ...props
}: MenuItemProps) {
  const run = () => {
    if (disabled) return;
    onClose();
    onSelect();
  };
  return (
    <div
      role="menuitem"
      tabIndex={-1}
      aria-disabled={disabled || undefined}
      data-disabled={disabled ? "" : undefined}
      onClick={run}
      onKeyDown={(event) => {
        if (event.key !== "Enter" && event.key !== " ") return;
        event.preventDefault();
        run();
      }}
      onPointerMove={(event) => !disabled && event.currentTarget.focus()}
      onPointerLeave={(event) => event.currentTarget.closest<HTMLElement>("[role=menu]")?.focus()}
      className={cn(
        "relative flex cursor-default items-center gap-2 rounded-sm px-2 py-2 outline-hidden select-none sm:py-1.5",
        "data-[disabled]:pointer-events-none data-[disabled]:opacity-50",
        variant === "danger"
          ? "text-red-700 focus:bg-red-50 focus:text-red-800"
          : "focus:bg-slate-100 focus:text-slate-900",
        className,
      )}
      {...props}
    />
  );
}

export function MenuLabel({ className, ...props }: ComponentProps<"div">) {
  return <div className={cn("px-2 py-1.5 text-xs font-medium text-slate-600", className)} {...props} />;
}

export function MenuSeparator({ className, ...props }: ComponentProps<"div">) {
  return <div role="separator" className={cn("-mx-1 my-1 h-px bg-slate-200", className)} {...props} />;
}
