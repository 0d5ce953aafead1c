"use client";

import { useEditor } from "@tiptap/react";
import { useEffect, useRef, useState, type KeyboardEvent, type RefObject } from "react";
import type { CollabSession } from "@/components/collab/session";
import type { SectionDTO } from "@/lib/docs/dto";
import { finishedView, handleEscape, type OnDone } from "./editor-common";
import { buildEditorExtensions } from "./editor-extensions";
import type { FindPeople } from "./section-mentions";
import type { EditorStart } from "./editor-types";
import { liveBinding } from "./live-binding";
import { PROSE_CLASS } from "./prose";
import { SectionEditorFrame, sectionEditorOptions, useEditingStart } from "./section-editor-frame";

export type LiveSectionEditorProps = {
  section: SectionDTO;
  docId: string;
  session: CollabSession;
  start: EditorStart;
  takeTypedAhead: () => string;
  /** Read-only while the server says so (a lowered role, a lock), editable again when it allows. */
  editable: boolean;
  /** Escape or "Done": the section goes back to its read view. */
  onDone: OnDone;
  /** Set to this editor's "finish" while it is mounted (the section header's Done button calls it). */
  doneRef: RefObject<(() => void) | null>;
  /** People to @-mention (members); without it "@" is just a character. */
  findPeople?: FindPeople;
};

/**
 * A section's editor bound to its fragment of the doc's Y.Doc: what anyone types
 * appears in everyone's editor as they type, undo takes back only this person's
 * changes, and others' carets show with their names. Nothing is saved from here:
 * the collaboration server stores the doc (lib/collab/server.ts).
 */
export function LiveSectionEditor({
  section,
  docId,
  session,
  start,
  takeTypedAhead,
  editable,
  onDone,
  doneRef,
  findPeople,
}: LiveSectionEditorProps) {
  const [extensions] = useState(() =>
    buildEditorExtensions({
      guidance: section.guidance,
      html: section.html,
      docId,
      live: liveBinding(session.doc, section.key, session.provider.awareness!),
      findPeople,
    }),
  );

  const editor = useEditor({ ...sectionEditorOptions(section.title), editable, extensions });

  useEffect(() => {
    if (editor && editor.isEditable !== editable) editor.setEditable(editable);
  }, [editor, editable]);

  // Others see this person in this section while the editor is open.
  useEffect(() => {
    session.setSection(section.key);
    return () => session.setSection(null);
  }, [session, section.key]);

  useEditingStart(editor, start, section.outline, takeTypedAhead);

  // Escape or Done: the section goes back to its read view (editor-common.ts).
  const finishRef = useRef<() => void>(() => {});
  useEffect(() => {
    finishRef.current = () => {
      if (!editor || editor.isDestroyed) return;
      // What was typed is already in the doc's Y.Doc; the server stores it (a leaving editor's at once).
      void finishedView(editor).then((view) => onDone(view, Promise.resolve()));
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

  if (!editor) return <div className={PROSE_CLASS} dangerouslySetInnerHTML={{ __html: section.html }} />;

  return (
    <SectionEditorFrame
      editor={editor}
      section={section}
      docId={docId}
      editable={editable}
      data-live=""
      onKeyDownCapture={onKeyDownCapture}
    />
  );
}
