"use client";

import { useCallback, useEffect, useState, type ComponentType, type ReactNode } from "react";
import { cn } from "@/components/ui/cn";
import { useHydrated } from "@/components/ui/use-hydrated";

type DialogProps = { open: boolean; onOpenChange: (open: boolean) => void };

// The dialog (Radix, the result list, the fetching) comes on first hover, focus or Ctrl/Cmd+K.
const loadDialog = () => import("./search-dialog").then((m) => m.SearchDialog);

/** Inside an editor Ctrl/Cmd+K makes a link (the toolbar's shortcut); everywhere else it opens the search. */
function isEditing(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && target.isContentEditable;
}

const isShortcut = (e: KeyboardEvent) =>
  e.key.toLowerCase() === "k" && (e.ctrlKey || e.metaKey) && !e.altKey && !e.shiftKey;

/**
 * Ctrl/Cmd+K pressed once this code has run but before React has hydrated the header (on a loaded machine, seconds
 * after the page looks ready): kept and acted on when the header mounts, not lost.
 */
let pressedEarly = false;
function onEarlyKey(e: KeyboardEvent) {
  if (!isShortcut(e) || e.defaultPrevented || isEditing(e.target)) return;
  e.preventDefault();
  pressedEarly = true;
}
if (typeof window !== "undefined") window.addEventListener("keydown", onEarlyKey);

/**
 * The header's search button: Ctrl/Cmd+K (or a press) opens a dialog that finds docs and sections across all the
 * person's workspaces as they type. What the button shows (icon, label, key hints) comes drawn by the server
 * (app-header.tsx): only its behaviour is in the browser's JavaScript.
 */
export function HeaderSearch({ children }: { children: ReactNode }) {
  const [open, setOpen] = useState(false);
  const [Dialog, setDialog] = useState<ComponentType<DialogProps> | null>(null);
  const load = useCallback(() => {
    loadDialog().then(
      (c) => setDialog(() => c),
      () => undefined,
    );
  }, []);
  const show = useCallback(() => {
    load();
    setOpen(true);
  }, [load]);

  // Disabled until hydrated: a press before then would fall into a button with no handler yet.
  const hydrated = useHydrated();

  useEffect(() => {
    window.removeEventListener("keydown", onEarlyKey);
    const early = pressedEarly
      ? setTimeout(() => {
          pressedEarly = false;
          show();
        })
      : undefined;
    const onKey = (e: KeyboardEvent) => {
      if (!isShortcut(e) || e.defaultPrevented || isEditing(e.target)) return;
      e.preventDefault();
      show();
    };
    window.addEventListener("keydown", onKey);
    return () => {
      clearTimeout(early);
      window.removeEventListener("keydown", onKey);
    };
  }, [show]);

  return (
    <>
      <button
        type="button"
        disabled={!hydrated}
        onClick={show}
        onPointerEnter={load}
        onFocus={load}
        aria-haspopup="dialog"
        aria-keyshortcuts="Control+K Meta+K"
        data-testid="header-search"
        className={cn(
          "inline-flex size-9 shrink-0 items-center justify-center gap-2 rounded-md text-slate-600",
          "hover:bg-slate-100 hover:text-slate-900 disabled:pointer-events-none disabled:opacity-60",
          "md:h-8 md:w-auto md:justify-start md:border md:border-slate-200 md:px-2.5 md:text-sm md:text-slate-500",
        )}
      >
        {children}
      </button>
      {Dialog && <Dialog open={open} onOpenChange={setOpen} />}
    </>
  );
}
