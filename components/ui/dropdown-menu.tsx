"use client";

import * as MenuPrimitive from "@radix-ui/react-dropdown-menu";
import { Check, Circle } from "lucide-react";
import type { ComponentProps } from "react";
import { cn } from "./cn";
import { FLOATING_SURFACE } from "./floating-surface";
import { useHydrated } from "./use-hydrated";

/**
 * Root. Non-modal by default: a modal menu aria-hides the rest of the page while open,
 * which axe reports as a serious aria-hidden-focus violation, and a menu needs no trap
 * (Escape, Tab and an outside click close it).
 */
export function DropdownMenu({ modal = false, ...props }: ComponentProps<typeof MenuPrimitive.Root>) {
  return <MenuPrimitive.Root modal={modal} {...props} />;
}

/**
 * Use with `asChild` around a Button; an icon-only trigger needs an aria-label. Disabled until the page is hydrated,
 * as DialogTrigger (./dialog.tsx): before then a click opens nothing.
 */
export function DropdownMenuTrigger({ disabled, ...props }: ComponentProps<typeof MenuPrimitive.Trigger>) {
  const hydrated = useHydrated();
  return <MenuPrimitive.Trigger disabled={disabled || !hydrated} {...props} />;
}
export const DropdownMenuGroup = MenuPrimitive.Group;
export const DropdownMenuRadioGroup = MenuPrimitive.RadioGroup;

export function DropdownMenuContent({
  className,
  sideOffset = 4,
  align = "start",
  ...props
}: ComponentProps<typeof MenuPrimitive.Content>) {
  return (
    <MenuPrimitive.Portal>
      <MenuPrimitive.Content
        sideOffset={sideOffset}
        align={align}
        className={cn(
          FLOATING_SURFACE,
          "max-h-(--radix-dropdown-menu-content-available-height) min-w-44",
          "origin-(--radix-dropdown-menu-content-transform-origin) p-1 text-slate-700",
          className,
        )}
        {...props}
      />
    </MenuPrimitive.Portal>
  );
}

// Highlight, not an outline, marks the active item: Radix moves real focus onto it.
const itemClassName =
  "relative flex cursor-default items-center gap-2 rounded-sm px-2 py-2 outline-hidden select-none sm:py-1.5 " +
  "data-[disabled]:pointer-events-none data-[disabled]:opacity-50 [&_svg]:size-4 [&_svg]:shrink-0";

export type DropdownMenuItemProps = ComponentProps<typeof MenuPrimitive.Item> & {
  variant?: "default" | "danger";
};

export function DropdownMenuItem({ className, variant = "default", ...props }: DropdownMenuItemProps) {
  return (
    <MenuPrimitive.Item
      className={cn(
        itemClassName,
        variant === "danger"
          ? "text-red-700 data-[highlighted]:bg-red-50 data-[highlighted]:text-red-800"
          : "data-[highlighted]:bg-slate-100 data-[highlighted]:text-slate-900 [&_svg]:text-slate-500",
        className,
      )}
      {...props}
    />
  );
}

export function DropdownMenuCheckboxItem({
  className,
  children,
  ...props
}: ComponentProps<typeof MenuPrimitive.CheckboxItem>) {
  return (
    <MenuPrimitive.CheckboxItem
      className={cn(itemClassName, "pl-8 data-[highlighted]:bg-slate-100 data-[highlighted]:text-slate-900", className)}
      {...props}
    >
      <span className="absolute left-2 inline-flex size-4 items-center justify-center">
        <MenuPrimitive.ItemIndicator>
          <Check aria-hidden="true" />
        </MenuPrimitive.ItemIndicator>
      </span>
      {children}
    </MenuPrimitive.CheckboxItem>
  );
}

export function DropdownMenuRadioItem({
  className,
  children,
  ...props
}: ComponentProps<typeof MenuPrimitive.RadioItem>) {
  return (
    <MenuPrimitive.RadioItem
      className={cn(itemClassName, "pl-8 data-[highlighted]:bg-slate-100 data-[highlighted]:text-slate-900", className)}
      {...props}
    >
      <span className="absolute left-2 inline-flex size-4 items-center justify-center">
        <MenuPrimitive.ItemIndicator>
          <Circle aria-hidden="true" className="size-2! fill-current" />
        </MenuPrimitive.ItemIndicator>
      </span>
      {children}
    </MenuPrimitive.RadioItem>
  );
}

export function DropdownMenuLabel({ className, ...props }: ComponentProps<typeof MenuPrimitive.Label>) {
  return <MenuPrimitive.Label className={cn("px-2 py-1.5 text-xs font-medium text-slate-600", className)} {...props} />;
}

export function DropdownMenuSeparator({ className, ...props }: ComponentProps<typeof MenuPrimitive.Separator>) {
  return <MenuPrimitive.Separator className={cn("-mx-1 my-1 h-px bg-slate-200", className)} {...props} />;
}

/** A hint of the item's keyboard shortcut, right-aligned. Purely visual: wire the shortcut yourself. */
export function DropdownMenuShortcut({ className, ...props }: ComponentProps<"span">) {
  return (
    <span
      aria-hidden="true"
      className={cn("ml-auto pl-4 text-xs tracking-wide text-slate-500", className)}
      {...props}
    />
  );
}
