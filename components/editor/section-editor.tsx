"use client";

import type { JSONContent } from "@tiptap/core";
import { Node } from "@tiptap/pm/model";
import { useEditor, useEditorState } from "@tiptap/react";
import { useEffect, useMemo, useRef, useState, type KeyboardEvent, type RefObject } from "react";
import { createLazyComponent } from "@/components/ui/lazy-component";
import type { SaveOutcome, SaveSectionInput, SectionDTO } from "@/lib/docs/dto";
import { getDocSchema } from "@/lib/editor/extensions";
import { extractText } from "@/lib/editor/text";
import type { DraftScope } from "./draft-store";
import { finishedView, handleEscape, type OnDone } from "./editor-common";
import { buildEditorExtensions } from "./editor-extensions";
import type { FindPeople } from "./section-mentions";
import type { EditorStart } from "./editor-types";
import { PROSE_CLASS } from "./prose";
import { SectionEditorFrame, sectionEditorOptions, useEditingStart } from "./section-editor-frame";
import { useSectionAutosave, type AutosaveCallbacks } from "./use-section-autosave";
import { withUndoHistory } from "./undo-history";

// This editor undoes with ProseMirror's history (the live editor with Yjs's): it brings it along.
withUndoHistory();

export type SectionEditorProps = AutosaveCallbacks & {
  section: SectionDTO;
  scope: DraftScope;
  start: EditorStart;
  save: (input: SaveSectionInput) => Promise<SaveOutcome>;
  /** Keys typed while the editor was loading, inserted at the caret once it is up. */
  takeTypedAhead: () => string;
  /** The draft on this device could not be opened (not a document this editor knows). */
  onRestoreFailed: () => void;
  /** Escape or "Done": the section goes back to its read view. */
  onDone: OnDone;
  /** Set to this editor's "finish" while it is mounted (the section header's Done button calls it). */
  doneRef: RefObject<(() => void) | null>;
  /** People to @-mention (members); without it "@" is just a character. */
  findPeople?: FindPeople;
};

// Rare (someone else saved meanwhile): its code and the word diff load when it shows.
const ConflictPanel = createLazyComponent(() => import("./conflict-panel").then((m) => m.ConflictPanel));

/** What the editor opens with, and what the server held at `baseVersion` (for skipping unchanged saves). */
type Initial = {
  content: JSONContent;
  baseVersion: number;
  savedContent: JSONContent;
  restored: boolean;
  restoreFailed: boolean;
};

function resolveInitial(start: EditorStart, section: SectionDTO): Initial {
  if (!start.restored)
    return {
      content: start.content,
      baseVersion: start.baseVersion,
      savedContent: start.content,
      restored: false,
      restoreFailed: false,
    };
  const fromServer = {
    content: section.content,
    baseVersion: section.version,
    savedContent: section.content,
    restored: false,
  };
  try {
    Node.fromJSON(getDocSchema(), start.content).check();
    // The draft's own base text is unknown here; the server's current text is the best "saved" guess.
    return {
      content: start.content,
      baseVersion: start.baseVersion,
      savedContent: section.content,
      restored: true,
      restoreFailed: false,
    };
  } catch {
    return { ...fromServer, restoreFailed: true };
  }
}

/** The live editor of one section. Loaded on demand (editor-loader.ts); never part of the read view's JavaScript. */
export function SectionEditor({
  section,
  scope,
  start,
  save,
  takeTypedAhead,
  onRestoreFailed,
  onDone,
  doneRef,
  findPeople,
  ...callbacks
}: SectionEditorProps) {
  const [initial] = useState(() => resolveInitial(start, section));
  const [extensions] = useState(() =>
    buildEditorExtensions({ guidance: section.guidance, html: section.html, docId: scope.docId, findPeople }),
  );

  const editor = useEditor({ ...sectionEditorOptions(section.title), extensions, content: initial.content });

  const autosave = useSectionAutosave({
    editor,
    scope,
    baseVersion: initial.baseVersion,
    savedContent: initial.savedContent,
    saveAtOnce: initial.restored,
    save,
    ...callbacks,
  });

  useEditingStart(editor, start, section.outline, takeTypedAhead, () => {
    if (initial.restoreFailed) onRestoreFailed();
  });

  // Re-render on every change of the document (not on selection moves).
  // Documents are immutable: identity is change (and a deep compare would walk the schema).
  const doc =
    useEditorState({ editor, selector: ({ editor: e }) => e?.state.doc ?? null, equalityFn: Object.is }) ??
    editor?.state.doc ??
    null;
  const mineText = useMemo(
    () => (doc && autosave.conflict ? extractText(doc.toJSON() as JSONContent) : ""),
    [doc, autosave.conflict],
  );

  // Escape or Done: the section goes back to its read view (editor-common.ts).
  const finishRef = useRef<() => void>(() => {});
  useEffect(() => {
    finishRef.current = () => {
      // A conflict stays on screen until the writer picks a side: closing would hide it.
      if (!editor || editor.isDestroyed || autosave.conflict) return;
      const settled = autosave.flush();
      void finishedView(editor).then((view) => onDone(view, settled));
    };
  });
  useEffect(() => {
    doneRef.current = () => finishRef.current();
    return () => {
      doneRef.current = null;
    };
  }, [doneRef]);
  const onKeyDownCapture = (event: KeyboardEvent<HTMLDivElement>) => {
    if (editor) handleEscape(event, editor, () => finishRef.current());
  };

  if (!editor) {
    // One frame before the editor mounts: the server's HTML, same box.
    return <div className={PROSE_CLASS} dangerouslySetInnerHTML={{ __html: section.html }} />;
  }

  return (
    <SectionEditorFrame
      editor={editor}
      section={section}
      docId={scope.docId}
      data-conflict={autosave.conflict ? "" : undefined}
      onKeyDownCapture={onKeyDownCapture}
      before={
        autosave.conflict && (
          <ConflictPanel
            current={autosave.conflict.current}
            mineText={mineText}
            busy={autosave.status.kind === "saving"}
            onKeepMine={autosave.keepMine}
            onUseTheirs={autosave.acceptTheirs}
            onSaveMerged={autosave.saveMerged}
          />
        )
      }
    />
  );
}
