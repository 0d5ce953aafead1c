"use client";

import type { JSONContent } from "@tiptap/core";
import { Selection } from "@tiptap/pm/state";
import { EditorContent, type Editor } from "@tiptap/react";
import { ListPlus } from "lucide-react";
import { useEffect, useRef, useState, type KeyboardEvent, type ReactNode } from "react";
import { Button } from "@/components/ui/button";
import type { SectionDTO } from "@/lib/docs/dto";
import { EditorToolbar } from "./editor-toolbar";
import type { EditorStart, FocusRequest } from "./editor-types";
import { focusToolbar } from "./use-roving-toolbar";

/*
 * What the saving editor (section-editor.tsx) and the live one (live-section-editor.tsx)
 * share: where the caret goes when editing starts, the outline button, the toolbar and
 * its keys. They differ only in where the content lives and how it is saved.
 */

/** The editor's options both use (app/editor.css carries ProseMirror's rules, in the right cascade layer). */
export function sectionEditorOptions(title: string) {
  return {
    immediatelyRender: false,
    shouldRerenderOnTransaction: false,
    injectCSS: false,
    editorProps: {
      attributes: { class: "doc-prose", "aria-label": `${title} content`, "aria-multiline": "true" },
    },
  } as const;
}

/** The template's outline in place of the empty section, as one undoable step. */
export function insertOutline(editor: Editor, outline: JSONContent | null): void {
  if (!outline?.content) return;
  editor.chain().focus("start").insertContentAt({ from: 0, to: editor.state.doc.content.size }, outline.content).run();
}

function placeCaret(editor: Editor, focus: FocusRequest): void {
  if (!focus) return;
  const { view, state } = editor;
  let pos = focus.kind === "start" ? 0 : state.doc.content.size;
  if (focus.kind === "point") {
    const box = view.dom.getBoundingClientRect();
    pos = view.posAtCoords({ left: box.left + focus.x, top: box.top + focus.y })?.pos ?? pos;
  }
  // Selection.near: a click on a rule or a table border still lands in text.
  view.dispatch(state.tr.setSelection(Selection.near(state.doc.resolve(pos))).scrollIntoView());
  view.focus();
}

/**
 * Once the editor is up: the outline (when asked for, on an empty section) or the caret where the person clicked,
 * then the keys typed while the editor was loading.
 */
export function useEditingStart(
  editor: Editor | null,
  start: EditorStart,
  outline: JSONContent | null,
  takeTypedAhead: () => string,
  onStart?: () => void,
): void {
  const started = useRef(false);
  const onStartRef = useRef(onStart);
  useEffect(() => {
    onStartRef.current = onStart;
  });
  useEffect(() => {
    if (!editor || started.current) return;
    started.current = true;
    onStartRef.current?.();
    // A frame later: the editor's DOM is settled (React's dev double-mount moves it and drops focus).
    requestAnimationFrame(() => {
      if (editor.isDestroyed) return;
      if (start.insertOutline && editor.isEmpty) insertOutline(editor, outline);
      else placeCaret(editor, start.focus);
      const typed = takeTypedAhead();
      if (typed && editor.isEditable) editor.view.dispatch(editor.state.tr.insertText(typed));
    });
  }, [editor, start, outline, takeTypedAhead]);
}

/** The editor with its toolbar (Ctrl+K for a link, Alt+F10 to the toolbar) and, on an empty section, the outline. */
export function SectionEditorFrame({
  editor,
  section,
  docId,
  editable = true,
  before,
  ...attributes
}: {
  editor: Editor;
  section: Pick<SectionDTO, "title" | "outline">;
  docId: string;
  editable?: boolean;
  /** Shown above the toolbar (the conflict panel). */
  before?: ReactNode;
  /** Escape, caught on its way down (editor-common.ts handleEscape). */
  onKeyDownCapture?: (event: KeyboardEvent<HTMLDivElement>) => void;
  "data-live"?: string;
  "data-conflict"?: string;
}) {
  const toolbarRef = useRef<HTMLDivElement>(null);
  const [linkOpen, setLinkOpen] = useState(false);

  // Keys the editor itself leaves alone, caught as they bubble out of it.
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (!editor.view.dom.contains(event.target as globalThis.Node)) return;
    if ((event.metaKey || event.ctrlKey) && !event.altKey && event.key.toLowerCase() === "k") {
      event.preventDefault();
      setLinkOpen(true);
    } else if (event.altKey && event.key === "F10") {
      event.preventDefault();
      focusToolbar(toolbarRef.current);
    }
  };

  return (
    <div className="section-editor" onKeyDown={onKeyDown} {...attributes}>
      {before}
      {editable && (
        <EditorToolbar
          editor={editor}
          label={`Format ${section.title}`}
          linkOpen={linkOpen}
          onLinkOpenChange={setLinkOpen}
          rootRef={toolbarRef}
          docId={docId}
        />
      )}
      <EditorContent editor={editor} className="section-editor-content" />
      {editable && editor.isEmpty && section.outline && (
        <Button variant="secondary" size="sm" className="mt-3" onClick={() => insertOutline(editor, section.outline)}>
          <ListPlus aria-hidden="true" />
          Insert outline
        </Button>
      )}
    </div>
  );
}
