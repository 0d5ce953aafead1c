"use client";

import * as DialogPrimitive from "@radix-ui/react-dialog";
import { X } from "lucide-react";
import type { ComponentProps } from "react";
import { cn } from "./cn";

/**
 * A panel that slides over the right edge of the page (the full width on a phone), on the Dialog root
 * (dialog.tsx: focus trap, Escape, scroll lock). Its own layout is a column: pass a header, ONE body that
 * scrolls (SheetBody) and a footer, so what sits in the footer stays on screen however long the body is.
 */
export function SheetContent({
  className,
  children,
  closeLabel = "Close",
  ...props
}: ComponentProps<typeof DialogPrimitive.Content> & { closeLabel?: string }) {
  return (
    <DialogPrimitive.Portal>
      <DialogPrimitive.Overlay
        className={cn(
          "fixed inset-0 z-50 bg-slate-900/30",
          "transition-opacity duration-150 starting:opacity-0 motion-reduce:transition-none",
        )}
      />
      <DialogPrimitive.Content
        className={cn(
          "fixed inset-y-0 right-0 z-50 flex h-dvh w-full flex-col border-l border-slate-200 bg-white",
          "text-sm text-slate-900 shadow-xl focus:outline-hidden sm:max-w-md",
          "transition-[opacity,translate] duration-150 ease-out starting:translate-x-4 starting:opacity-0",
          "motion-reduce:transition-none",
          className,
        )}
        {...props}
      >
        {children}
        <DialogPrimitive.Close
          aria-label={closeLabel}
          className={cn(
            "absolute top-3 right-3 inline-flex size-8 items-center justify-center rounded-md",
            "text-slate-500 transition-colors hover:bg-slate-100 hover:text-slate-900",
          )}
        >
          <X aria-hidden="true" className="size-4" />
        </DialogPrimitive.Close>
      </DialogPrimitive.Content>
    </DialogPrimitive.Portal>
  );
}

export function SheetHeader({ className, ...props }: ComponentProps<"div">) {
  return <div className={cn("grid gap-1 border-b border-slate-200 px-4 py-3 pr-12", className)} {...props} />;
}

/** The one part that scrolls: min-h-0 lets it shrink inside the column instead of pushing the footer off screen. */
export function SheetBody({ className, ...props }: ComponentProps<"div">) {
  return <div className={cn("min-h-0 flex-1 overflow-y-auto overscroll-contain px-4 py-4", className)} {...props} />;
}

export function SheetFooter({ className, ...props }: ComponentProps<"div">) {
  return <div className={cn("border-t border-slate-200 px-4 py-3", className)} {...props} />;
}
