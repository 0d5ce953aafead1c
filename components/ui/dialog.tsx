"use client";

import * as DialogPrimitive from "@radix-ui/react-dialog";
import { X } from "lucide-react";
import type { ComponentProps } from "react";
import { cn } from "./cn";
import { useHydrated } from "./use-hydrated";

/** Root. Controlled (`open`, `onOpenChange`) or not. Focus trap, Escape and scroll lock come from Radix. */
export const Dialog = DialogPrimitive.Root;
/**
 * Disabled until the page is hydrated: server-rendered, it opens nothing before then, and a click on it would be lost
 * without a trace (a fresh-clone test run clicked "Import Markdown" in that moment and waited for its dialog for good).
 */
export function DialogTrigger({ disabled, ...props }: ComponentProps<typeof DialogPrimitive.Trigger>) {
  const hydrated = useHydrated();
  return <DialogPrimitive.Trigger disabled={disabled || !hydrated} {...props} />;
}
export const DialogClose = DialogPrimitive.Close;

export type DialogContentProps = ComponentProps<typeof DialogPrimitive.Content> & {
  /** Hide the corner × (keep a way out in the footer then). */
  hideClose?: boolean;
  closeLabel?: string;
};

/**
 * Overlay + centred panel in a portal. Needs a DialogTitle; without a DialogDescription
 * pass aria-describedby={undefined} to say so. The × comes last in the DOM so that
 * focus starts on the first control of the body, not on "close".
 */
export function DialogContent({
  className,
  children,
  hideClose = false,
  closeLabel = "Close",
  ...props
}: DialogContentProps) {
  return (
    <DialogPrimitive.Portal>
      <DialogPrimitive.Overlay
        className={cn(
          "fixed inset-0 z-50 bg-slate-900/40",
          "transition-opacity duration-150 starting:opacity-0 motion-reduce:transition-none",
        )}
      />
      <DialogPrimitive.Content
        className={cn(
          "fixed top-1/2 left-1/2 z-50 grid max-h-[calc(100dvh-2rem)] w-[calc(100%-2rem)] max-w-lg",
          "-translate-x-1/2 -translate-y-1/2 gap-4 overflow-y-auto",
          "rounded-lg border border-slate-200 bg-white p-5 text-sm text-slate-900 shadow-xl",
          "focus:outline-hidden sm:p-6",
          "transition-[opacity,scale] duration-150 ease-out starting:scale-95 starting:opacity-0",
          "motion-reduce:transition-none",
          className,
        )}
        {...props}
      >
        {children}
        {!hideClose && (
          <DialogPrimitive.Close
            aria-label={closeLabel}
            className={cn(
              "absolute top-3 right-3 inline-flex size-8 items-center justify-center rounded-md",
              "text-slate-500 transition-colors hover:bg-slate-100 hover:text-slate-900",
            )}
          >
            <X aria-hidden="true" className="size-4" />
          </DialogPrimitive.Close>
        )}
      </DialogPrimitive.Content>
    </DialogPrimitive.Portal>
  );
}

export function DialogHeader({ className, ...props }: ComponentProps<"div">) {
  return <div className={cn("grid gap-1.5 pr-8", className)} {...props} />;
}

/** Buttons stack full-width on phones (primary on top), sit right-aligned from `sm`. */
export function DialogFooter({ className, ...props }: ComponentProps<"div">) {
  return <div className={cn("flex flex-col-reverse gap-2 sm:flex-row sm:justify-end", className)} {...props} />;
}

export function DialogTitle({ className, ...props }: ComponentProps<typeof DialogPrimitive.Title>) {
  return (
    <DialogPrimitive.Title className={cn("text-lg leading-6 font-semibold text-slate-900", className)} {...props} />
  );
}

export function DialogDescription({ className, ...props }: ComponentProps<typeof DialogPrimitive.Description>) {
  return <DialogPrimitive.Description className={cn("text-sm text-slate-600", className)} {...props} />;
}
