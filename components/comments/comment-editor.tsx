"use client";

import type { JSONContent } from "@tiptap/core";
import { EditorContent, useEditor } from "@tiptap/react";
import { useEffect, useMemo, useRef } from "react";
import { cn } from "@/components/ui/cn";
import { controlClassName } from "@/components/ui/control-styles";
import { suggestionList } from "@/components/ui/suggestion-list";
import { buildCommentExtensions, CommentMention } from "@/lib/editor/comment-extensions";
import type { MentionCandidateDTO } from "@/lib/comments/dto";
import { withUndoHistory } from "@/components/editor/undo-history";

// This editor undoes with ProseMirror's history (the live editor with Yjs's): it brings it along.
withUndoHistory();

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

type Person = { id: string; label: string };

// The same list as the section editor's mentions and slash menu (components/ui/suggestion-list.ts).
const peopleMenu = suggestionList<Person>({
  label: "People to mention",
  render: (person) => person.label,
  empty: "Nobody by that name",
  key: (person) => person.id,
});

/**
 * The comment body editor: the same small schema the server validates (bold,
 * italic, code, links, lists, mentions), Markdown shortcuts and Ctrl+B/I/E included.
 */
export function CommentEditor({
  label,
  placeholder = "Write a comment…",
  initial,
  findPeople,
  onChange,
  onSubmit,
  autoFocus,
}: Props) {
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
                items: async ({ query }: { query: string }): Promise<Person[]> =>
                  (await findPeople(query).catch(() => [])).map((p) => ({ id: p.id, label: p.name })),
                render: peopleMenu,
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
      attributes: {
        "aria-label": label,
        role: "textbox",
        "aria-multiline": "true",
        class: "comment-editor-content min-h-16 px-3 py-2 text-sm leading-6 outline-none",
        "data-placeholder": placeholder,
      },
      handleKeyDown: (_view, event) => {
        if (event.key === "Enter" && (event.metaKey || event.ctrlKey)) {
          submitRef.current();
          return true;
        }
        return false;
      },
    },
    // ProseMirror's attrs are null-prototype objects, which a server action argument does not carry as plain JSON:
    // copy.
    onUpdate: ({ editor: e }) => changeRef.current(JSON.parse(JSON.stringify(e.getJSON())) as JSONContent, e.isEmpty),
  });
  return <EditorContent editor={editor} className={cn(controlClassName, "comment-editor block h-auto p-0")} />;
}
