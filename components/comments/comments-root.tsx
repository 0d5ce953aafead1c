"use client";

import { MessageSquarePlus, X } from "lucide-react";
import { useEffect, useState } from "react";
import { createPortal } from "react-dom";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { CommentForm } from "./lazy-comment-form";
import { comments, useComments } from "./comments-store";
import { anchorFromSelection, type SelectionAnchor } from "./selection";

/**
 * Mark each anchor span with its thread's state, so only open threads are highlighted and the active one stands out.
 */
function paintAnchors(states: Map<string, string>, activeId: string | null) {
  for (const el of document.querySelectorAll<HTMLElement>("[data-comment-thread]")) {
    const id = el.dataset.commentThread!;
    const state = states.get(id) ?? "unknown";
    if (el.dataset.threadState !== state) el.dataset.threadState = state;
    const active = id === activeId;
    if (active !== el.hasAttribute("data-thread-active")) el.toggleAttribute("data-thread-active", active);
  }
}

/**
 * The doc's comments in the page, once the threads are loaded (lazy-comments.tsx starts
 * the store): offers "Comment" on a text selection in any section (editable or not),
 * opens the composer beside it, highlights anchored words by thread state, and opens a
 * thread when its words are clicked.
 */
export function CommentsRoot({ sections }: { sections: { key: string; title: string }[] }) {
  const { data, activeId, composer } = useComments();
  const [selection, setSelection] = useState<SelectionAnchor | null>(null);
  // Highlights: now, and whenever a section's HTML is replaced (a save, an editor opening, a refresh).
  useEffect(() => {
    const states = new Map((data?.threads ?? []).map((t) => [t.id, t.resolvedAt ? "resolved" : "open"]));
    paintAnchors(states, activeId);
    let frame = 0;
    const observer = new MutationObserver(() => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => paintAnchors(states, activeId));
    });
    observer.observe(document.body, { childList: true, subtree: true });
    return () => {
      observer.disconnect();
      cancelAnimationFrame(frame);
    };
  }, [data, activeId]);

  // A thread is on its way: its card's code comes meanwhile, so the new thread shows (and scrolls into view) at once.
  useEffect(() => {
    if (composer) import("./thread-card").catch(() => {});
  }, [composer]);

  useEffect(() => {
    if (!data?.me.canComment) return;
    let timer = 0;
    const onChange = () => {
      clearTimeout(timer);
      timer = window.setTimeout(() => setSelection(anchorFromSelection(window.getSelection())), 120);
    };
    const onClick = (event: MouseEvent) => {
      const anchor = (event.target as Element | null)?.closest<HTMLElement>("[data-comment-thread]");
      const id = anchor?.dataset.commentThread;
      if (!id || !window.getSelection()?.isCollapsed) return;
      comments.activate(id);
      document.getElementById(`thread-${id}`)?.scrollIntoView({ block: "nearest", behavior: "smooth" });
    };
    document.addEventListener("selectionchange", onChange);
    document.addEventListener("click", onClick);
    onChange(); // text selected while the threads were loading
    return () => {
      clearTimeout(timer);
      document.removeEventListener("selectionchange", onChange);
      document.removeEventListener("click", onClick);
    };
  }, [data?.me.canComment]);

  if (typeof document === "undefined" || !data?.me.canComment) return null;
  const title = (key: string) => sections.find((s) => s.key === key)?.title ?? key;
  const place = (rect: { top: number; left: number; bottom: number }) => ({
    top: rect.bottom + window.scrollY + 8,
    left: Math.max(
      8,
      Math.min(rect.left + window.scrollX, window.scrollX + document.documentElement.clientWidth - 360),
    ),
  });

  return createPortal(
    <>
      {selection && !composer && (
        <div className="absolute z-40" style={place(selection.rect)}>
          <Button
            size="sm"
            className="shadow-md"
            // Keep the selection: the click must not collapse it before we read it.
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => {
              const r = selection.rect;
              comments.openComposer({
                sectionKey: selection.sectionKey,
                anchor: { offset: selection.offset, quote: selection.quote },
                rect: { top: r.top, left: r.left, bottom: r.bottom },
              });
            }}
          >
            <MessageSquarePlus aria-hidden="true" /> Comment
          </Button>
        </div>
      )}
      {composer && (
        <div
          role="dialog"
          aria-label="New comment"
          className={cn(
            "absolute z-40 grid w-[min(22rem,calc(100vw-1rem))] gap-2",
            "rounded-lg border border-slate-200 bg-white p-3 shadow-xl",
          )}
          style={composer.rect ? place(composer.rect) : undefined}
          onKeyDown={(e) => e.key === "Escape" && comments.openComposer(null)}
        >
          <div className="flex items-start justify-between gap-2">
            <p className="min-w-0 text-xs text-slate-600">
              {composer.anchor ? (
                <>
                  On{" "}
                  <span className="font-medium text-slate-900">
                    “
                    {composer.anchor.quote.length > 80
                      ? `${composer.anchor.quote.slice(0, 80)}…`
                      : composer.anchor.quote}
                    ”
                  </span>{" "}
                  in {title(composer.sectionKey)}
                </>
              ) : (
                <>On the section {title(composer.sectionKey)}</>
              )}
            </p>
            <button
              type="button"
              aria-label="Close"
              className="-m-1 rounded p-1 hover:bg-slate-100"
              onClick={() => comments.openComposer(null)}
            >
              <X aria-hidden="true" className="size-4" />
            </button>
          </div>
          <CommentForm
            label="Comment"
            submitLabel="Comment"
            offerBlocking
            autoFocus
            onCancel={() => comments.openComposer(null)}
            onSubmit={async (v) => {
              const result = await comments.transport!.create({
                sectionKey: composer.sectionKey,
                anchor: composer.anchor,
                body: v.body,
                blocking: v.blocking,
                guestName: v.guestName,
              });
              if (result.ok) {
                comments.openComposer(null);
                setSelection(null);
                window.getSelection()?.removeAllRanges();
                await comments.reload();
                comments.activate(result.data.threadId);
                requestAnimationFrame(() =>
                  document.getElementById(`thread-${result.data.threadId}`)?.scrollIntoView({ block: "nearest" }),
                );
              }
              return result;
            }}
          />
        </div>
      )}
    </>,
    document.body,
  );
}
