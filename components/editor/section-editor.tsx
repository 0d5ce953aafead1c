"use client";

import type { JSONContent } from "@tiptap/core";
import { Node } from "@tiptap/pm/model";
import { Selection } from "@tiptap/pm/state";
import { EditorContent, useEditor, useEditorState, type Editor } from "@tiptap/react";
import { ListPlus } from "lucide-react";
import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from "react";
import { Button } from "@/components/ui/button";
import { createLazyComponent } from "@/components/ui/lazy-component";
import type { SaveOutcome, SaveSectionInput, SectionDTO } from "@/lib/docs/dto";
import { getDocSchema } from "@/lib/editor/extensions";
import { extractText } from "@/lib/editor/text";
import type { DraftScope } from "./draft-store";
import { buildEditorExtensions } from "./editor-extensions";
import { EditorToolbar } from "./editor-toolbar";
import type { EditorStart, FocusRequest } from "./editor-types";
import { PROSE_CLASS } from "./prose";
import { focusToolbar } from "./use-roving-toolbar";
import { useSectionAutosave, type AutosaveCallbacks } from "./use-section-autosave";

export type SectionEditorProps = AutosaveCallbacks & {
  section: SectionDTO;
  scope: DraftScope;
  start: EditorStart;
  save: (input: SaveSectionInput) => Promise<SaveOutcome>;
  /** Keys typed while the editor was loading, inserted at the caret once it is up. */
  takeTypedAhead: () => string;
  /** The draft on this device could not be opened (not a document this editor knows). */
  onRestoreFailed: () => void;
};

// Rare (someone else saved meanwhile): its code and the word diff load when it shows.
const ConflictPanel = createLazyComponent(() => import("./conflict-panel").then((m) => m.ConflictPanel));

/** What the editor opens with, and what the server held at `baseVersion` (for skipping unchanged saves). */
type Initial = { content: JSONContent; baseVersion: number; savedContent: JSONContent; restored: boolean; restoreFailed: boolean };

function resolveInitial(start: EditorStart, section: SectionDTO): Initial {
  if (!start.restored) return { content: start.content, baseVersion: start.baseVersion, savedContent: start.content, restored: false, restoreFailed: false };
  const fromServer = { content: section.content, baseVersion: section.version, savedContent: section.content, restored: false };
  try {
    Node.fromJSON(getDocSchema(), start.content).check();
    // The draft's own base text is unknown here; the server's current text is the best "saved" guess.
    return { content: start.content, baseVersion: start.baseVersion, savedContent: section.content, restored: true, restoreFailed: false };
  } catch {
    return { ...fromServer, restoreFailed: true };
  }
}

function insertOutline(editor: Editor, outline: JSONContent | null): void {
  if (!outline?.content) return;
  // One undoable step that replaces the empty paragraph.
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

/** The live editor of one section. Loaded on demand (editor-loader.ts); never part of the read view's JavaScript. */
export function SectionEditor({ section, scope, start, save, takeTypedAhead, onRestoreFailed, ...callbacks }: SectionEditorProps) {
  const [initial] = useState(() => resolveInitial(start, section));
  const toolbarRef = useRef<HTMLDivElement>(null);
  const [linkOpen, setLinkOpen] = useState(false);
  const [extensions] = useState(() => buildEditorExtensions({ guidance: section.guidance }));

  const editor = useEditor({
    immediatelyRender: false,
    shouldRerenderOnTransaction: false,
    // app/editor.css carries ProseMirror's rules, in the right cascade layer.
    injectCSS: false,
    extensions,
    content: initial.content,
    editorProps: { attributes: { class: "doc-prose", "aria-label": `${section.title} content`, "aria-multiline": "true" } },
  });

  const autosave = useSectionAutosave({
    editor,
    scope,
    baseVersion: initial.baseVersion,
    savedContent: initial.savedContent,
    saveAtOnce: initial.restored,
    save,
    ...callbacks,
  });

  const started = useRef(false);
  useEffect(() => {
    if (!editor || started.current) return;
    started.current = true;
    if (initial.restoreFailed) onRestoreFailed();
    // A frame later: the editor's DOM is settled (React's dev double-mount moves it and drops focus).
    requestAnimationFrame(() => {
      if (editor.isDestroyed) return;
      if (start.insertOutline) insertOutline(editor, section.outline);
      else placeCaret(editor, start.focus);
      const typed = takeTypedAhead();
      if (typed) editor.view.dispatch(editor.state.tr.insertText(typed));
    });
  }, [editor, initial, start, section.outline, takeTypedAhead, onRestoreFailed]);

  // Re-render on every change of the document (not on selection moves).
  // Documents are immutable: identity is change (and a deep compare would walk the schema).
  const doc = useEditorState({ editor, selector: ({ editor: e }) => e?.state.doc ?? null, equalityFn: Object.is }) ?? editor?.state.doc ?? null;
  const mineText = useMemo(() => (doc && autosave.conflict ? extractText(doc.toJSON() as JSONContent) : ""), [doc, autosave.conflict]);

  if (!editor) {
    // One frame before the editor mounts: the server's HTML, same box.
    return <div className={PROSE_CLASS} dangerouslySetInnerHTML={{ __html: section.html }} />;
  }

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
    <div className="section-editor" data-conflict={autosave.conflict ? "" : undefined} onKeyDown={onKeyDown}>
      {autosave.conflict && (
        <ConflictPanel
          current={autosave.conflict.current}
          mineText={mineText}
          busy={autosave.status.kind === "saving"}
          onKeepMine={autosave.keepMine}
          onUseTheirs={autosave.acceptTheirs}
          onSaveMerged={autosave.saveMerged}
        />
      )}
      <EditorToolbar
        editor={editor}
        label={`Format ${section.title}`}
        linkOpen={linkOpen}
        onLinkOpenChange={setLinkOpen}
        rootRef={toolbarRef}
      />
      <EditorContent editor={editor} className="section-editor-content" />
      {editor.isEmpty && section.outline && (
        <Button variant="secondary" size="sm" className="mt-3" onClick={() => insertOutline(editor, section.outline)}>
          <ListPlus aria-hidden="true" />
          Insert outline
        </Button>
      )}
    </div>
  );
}
