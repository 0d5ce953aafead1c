"use client";

import { FileText, Hash, Search } from "lucide-react";
import { useRouter } from "next/navigation";
import { useEffect, useId, useRef, useState, type KeyboardEvent } from "react";
import { cn } from "@/components/ui/cn";
import { Dialog, DialogContent, DialogTitle } from "@/components/ui/dialog";
import { Kbd } from "@/components/ui/kbd";
import { Spinner } from "@/components/ui/spinner";
import { QUICK_SEARCH_MIN_CHARS } from "@/lib/docs/schemas";

type Hit = {
  kind: "doc" | "section";
  href: string;
  docTitle: string;
  workspace: { slug: string; name: string };
  section: { key: string; title: string; snippet: string } | null;
};

type State =
  | { kind: "idle" }
  | { kind: "loading"; hits: Hit[] }
  | { kind: "done"; q: string; hits: Hit[] }
  | { kind: "error"; message: string };

/** Results follow the typing after this pause; an answer to an older query is dropped (aborted). */
const PAUSE_MS = 120;

/** The search's words come back wrapped in « » (ts_headline): shown as marks, never as HTML. */
function Snippet({ text }: { text: string }) {
  return (
    <>
      {text.split(/(«[^»]*»)/).map((part, i) =>
        part.startsWith("«") ? (
          <mark key={i} className="rounded-sm bg-amber-100 px-0.5 text-slate-900">
            {part.slice(1, -1)}
          </mark>
        ) : (
          part
        ),
      )}
    </>
  );
}

type Result = { q: string; hits: Hit[] } | { q: string; error: string };

function useHits(q: string): State {
  const query = q.trim();
  const searchable = query.length >= QUICK_SEARCH_MIN_CHARS;
  const [result, setResult] = useState<Result | null>(null);
  useEffect(() => {
    if (!searchable) return;
    const abort = new AbortController();
    const timer = setTimeout(async () => {
      try {
        const res = await fetch(`/api/search?q=${encodeURIComponent(query)}`, { signal: abort.signal });
        const body = (await res.json()) as { hits?: Hit[]; error?: { message: string } };
        if (!res.ok || !body.hits) throw new Error(body.error?.message ?? "Search failed. Try again.");
        setResult({ q: query, hits: body.hits });
      } catch (e) {
        if (abort.signal.aborted) return;
        setResult({ q: query, error: e instanceof Error ? e.message : "Search failed. Try again." });
      }
    }, PAUSE_MS);
    return () => {
      clearTimeout(timer);
      abort.abort();
    };
  }, [query, searchable]);
  if (!searchable) return { kind: "idle" };
  // While the answer to the query typed now is on its way, the last answer stays on screen.
  if (!result || result.q !== query) return { kind: "loading", hits: result && "hits" in result ? result.hits : [] };
  return "error" in result ? { kind: "error", message: result.error } : { kind: "done", q: query, hits: result.hits };
}

/** Ctrl/Cmd+K: find a doc or a section in any of your workspaces; arrows pick, Enter opens, Escape closes. */
export function SearchDialog({ open, onOpenChange }: { open: boolean; onOpenChange: (open: boolean) => void }) {
  const router = useRouter();
  const [q, setQ] = useState("");
  const state = useHits(q);
  const hits = state.kind === "done" || state.kind === "loading" ? state.hits : [];
  // The choice belongs to one list of results: new results start at the first again.
  const [choice, setChoice] = useState<{ hits: Hit[]; index: number }>({ hits, index: 0 });
  const active = choice.hits === hits ? Math.min(choice.index, hits.length - 1) : 0;
  const setActive = (index: number) => setChoice({ hits, index });
  const listId = useId();
  const list = useRef<HTMLUListElement>(null);

  useEffect(() => {
    list.current?.querySelector(`[data-index="${active}"]`)?.scrollIntoView({ block: "nearest" });
  }, [active]);

  const go = (hit: Hit | undefined) => {
    if (!hit) return;
    onOpenChange(false);
    setQ("");
    router.push(hit.href);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === "ArrowDown" || e.key === "ArrowUp") {
      e.preventDefault();
      if (hits.length === 0) return;
      const step = e.key === "ArrowDown" ? 1 : -1;
      setActive((active + step + hits.length) % hits.length);
    } else if (e.key === "Enter") {
      e.preventDefault();
      go(hits[active]);
    }
  };

  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogContent
        aria-describedby={undefined}
        className="top-[10dvh] max-w-xl translate-y-0 gap-0 p-0 sm:p-0"
        closeLabel="Close search"
      >
        <DialogTitle className="sr-only">Search all your workspaces</DialogTitle>
        <div className="flex items-center gap-2 border-b border-slate-200 px-4 pr-12">
          <Search aria-hidden="true" className="size-4 shrink-0 text-slate-500" />
          <input
            autoFocus
            role="combobox"
            aria-label="Search docs and sections"
            aria-expanded={hits.length > 0}
            aria-controls={listId}
            aria-autocomplete="list"
            aria-activedescendant={hits.length > 0 ? `${listId}-${active}` : undefined}
            value={q}
            onChange={(e) => setQ(e.target.value)}
            onKeyDown={onKeyDown}
            placeholder="Search docs and sections…"
            maxLength={200}
            className="h-12 min-w-0 flex-1 bg-transparent text-base outline-none placeholder:text-slate-400"
          />
          {state.kind === "loading" && <Spinner size="sm" label="Searching…" className="text-slate-500" />}
        </div>
        <ul id={listId} ref={list} role="listbox" aria-label="Results" className="max-h-[60dvh] overflow-y-auto p-2">
          {hits.map((hit, i) => (
            <li
              key={`${hit.kind}:${hit.href}`}
              id={`${listId}-${i}`}
              data-index={i}
              role="option"
              aria-selected={i === active}
              onMouseMove={() => setActive(i)}
              onClick={() => go(hit)}
              className={cn(
                "flex cursor-pointer gap-3 rounded-md px-3 py-2",
                i === active ? "bg-slate-100 text-slate-900" : "text-slate-700",
              )}
            >
              {hit.kind === "doc" ? (
                <FileText aria-hidden="true" className="mt-0.5 size-4 shrink-0 text-slate-500" />
              ) : (
                <Hash aria-hidden="true" className="mt-0.5 size-4 shrink-0 text-slate-500" />
              )}
              <span className="grid min-w-0 gap-0.5">
                <span className="truncate font-medium">
                  {hit.section ? hit.section.title || "Untitled section" : hit.docTitle}
                </span>
                <span className="truncate text-xs text-slate-500">
                  {hit.section ? `${hit.docTitle} · ` : ""}
                  {hit.workspace.name}
                </span>
                {hit.section?.snippet && (
                  <span className="line-clamp-2 text-xs text-slate-600">
                    <Snippet text={hit.section.snippet} />
                  </span>
                )}
              </span>
            </li>
          ))}
        </ul>
        <p className="px-4 pb-3 text-xs text-slate-500" aria-live="polite">
          {state.kind === "idle" && "Find a doc or a section in any of your workspaces."}
          {state.kind === "done" && state.hits.length === 0 && `Nothing matches “${state.q}”.`}
          {state.kind === "error" && state.message}
          {state.kind === "done" && state.hits.length > 0 && (
            <span className="hidden items-center gap-1 sm:inline-flex">
              <Kbd>↑</Kbd> <Kbd>↓</Kbd> to choose, <Kbd>Enter</Kbd> to open, <Kbd>Esc</Kbd> to close
            </span>
          )}
        </p>
      </DialogContent>
    </Dialog>
  );
}
