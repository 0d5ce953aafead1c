"use client";

import type { JSONContent } from "@tiptap/core";
import { EditorContent, useEditor } from "@tiptap/react";
import { useEffect, useMemo, useRef } from "react";
import { cn } from "@/components/ui/cn";
import { controlClassName } from "@/components/ui/control-styles";
import { buildCommentExtensions, CommentMention } from "@/lib/editor/comment-extensions";
import type { MentionCandidateDTO } from "@/lib/comments/dto";

type Props = {
  label: string;
  placeholder?: string;
  initial?: JSONContent | null;
  /** Null: no @mentions (guests). */
  findPeople: ((query: string) => Promise<MentionCandidateDTO[]>) | null;
  onChange: (doc: JSONContent, empty: boolean) => void;
  /** Ctrl/Cmd+Enter. */
  onSubmit: () => void;
  autoFocus?: boolean;
};

/** A vanilla list under the caret: the suggestion plugin drives it, so it needs no React root of its own. */
function suggestionMenu() {
  let el: HTMLUListElement | null = null;
  let items: MentionCandidateDTO[] = [];
  let index = 0;
  let pick: ((item: MentionCandidateDTO) => void) | null = null;
  const paint = () => {
    if (!el) return;
    el.replaceChildren(
      ...(items.length
        ? items.map((item, i) => {
            const li = document.createElement("li");
            li.setAttribute("role", "option");
            li.setAttribute("aria-selected", String(i === index));
            li.className = cn("cursor-pointer rounded px-2 py-1 text-sm", i === index ? "bg-brand-50 text-brand-800" : "text-slate-800");
            li.textContent = item.name;
            li.addEventListener("mousedown", (e) => {
              e.preventDefault();
              pick?.(item);
            });
            return li;
          })
        : [Object.assign(document.createElement("li"), { className: "px-2 py-1 text-sm text-slate-500", textContent: "Nobody by that name" })]),
    );
  };
  const place = (rect: DOMRect | null | undefined) => {
    if (!el || !rect) return;
    el.style.left = `${Math.max(8, Math.min(rect.left, window.innerWidth - 248))}px`;
    el.style.top = `${rect.bottom + 4}px`;
  };
  type P = { items: MentionCandidateDTO[]; command: (item: { id: string; label: string }) => void; clientRect?: (() => DOMRect | null) | null };
  const update = (p: P) => {
    items = p.items;
    index = 0;
    pick = (item) => p.command({ id: item.id, label: item.name });
    paint();
    place(p.clientRect?.());
  };
  return {
    onStart: (p: P) => {
      el = document.createElement("ul");
      el.setAttribute("role", "listbox");
      el.setAttribute("aria-label", "People to mention");
      el.className = "fixed z-50 grid w-60 gap-0.5 rounded-md border border-slate-200 bg-white p-1 shadow-lg";
      document.body.append(el);
      update(p);
    },
    onUpdate: update,
    onKeyDown: ({ event }: { event: KeyboardEvent }) => {
      if (event.key === "ArrowDown" || event.key === "ArrowUp") {
        index = (index + (event.key === "ArrowDown" ? 1 : items.length - 1)) % Math.max(1, items.length);
        paint();
        return true;
      }
      if (event.key === "Enter" || event.key === "Tab") {
        const item = items[index];
        if (item) pick?.(item);
        return !!item;
      }
      return event.key === "Escape";
    },
    onExit: () => {
      el?.remove();
      el = null;
    },
  };
}

/**
 * The comment body editor: the same small schema the server validates (bold,
 * italic, code, links, lists, mentions), Markdown shortcuts and Ctrl+B/I/E included.
 */
export function CommentEditor({ label, placeholder = "Write a comment…", initial, findPeople, onChange, onSubmit, autoFocus }: Props) {
  const submitRef = useRef(onSubmit);
  const changeRef = useRef(onChange);
  useEffect(() => {
    submitRef.current = onSubmit;
    changeRef.current = onChange;
  });
  const extensions = useMemo(
    () =>
      buildCommentExtensions(
        findPeople
          ? CommentMention.configure({
              suggestion: {
                char: "@",
                items: async ({ query }: { query: string }) => findPeople(query).catch(() => []),
                render: suggestionMenu,
              },
            })
          : CommentMention,
      ),
    [findPeople],
  );
  const editor = useEditor({
    immediatelyRender: false,
    // Tiptap's injected stylesheet targets every .ProseMirror on the page, the sections'
    // read views included (it made code blocks wrap); app/editor.css has what this box needs.
    injectCSS: false,
    extensions,
    content: initial ?? "",
    autofocus: autoFocus ? "end" : false,
    editorProps: {
      attributes: { "aria-label": label, role: "textbox", "aria-multiline": "true", class: "comment-editor-content min-h-16 px-3 py-2 text-sm leading-6 outline-none", "data-placeholder": placeholder },
      handleKeyDown: (_view, event) => {
        if (event.key === "Enter" && (event.metaKey || event.ctrlKey)) {
          submitRef.current();
          return true;
        }
        return false;
      },
    },
    // ProseMirror's attrs are null-prototype objects, which a server action argument does not carry as plain JSON: copy.
    onUpdate: ({ editor: e }) => changeRef.current(JSON.parse(JSON.stringify(e.getJSON())) as JSONContent, e.isEmpty),
  });
  return <EditorContent editor={editor} className={cn(controlClassName, "comment-editor block h-auto p-0")} />;
}
