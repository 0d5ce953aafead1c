"use client";

import type { JSONContent } from "@tiptap/core";
import type { Editor } from "@tiptap/react";
import { useCallback, useEffect, useRef, useState } from "react";
import type { SaveOutcome, SaveSectionInput } from "@/lib/docs/dto";
import { toPlainJson } from "./content-key";
import { getBrowserDraftStore, type DraftScope } from "./draft-store";
import { SectionSaver, type RemoteVersion, type SavedOutcome, type SaveStatus } from "./section-saver";

export const DRAFT_DELAY_MS = 300;

const NOT_CONNECTED = { status: "unavailable", message: "Not connected yet" } as const;

export type AutosaveCallbacks = {
  onStatus: (status: SaveStatus, draftsKept: boolean) => void;
  onSaved: (outcome: SavedOutcome) => void;
  onRemoteVersion: (current: RemoteVersion) => void;
};

type Options = AutosaveCallbacks & {
  editor: Editor | null;
  scope: DraftScope;
  baseVersion: number;
  savedContent: JSONContent;
  /** A restored draft: save it at once (against its own base version). */
  saveAtOnce: boolean;
  save: (input: SaveSectionInput) => Promise<SaveOutcome>;
};

/**
 * Wires a SectionSaver and the local draft to a live editor: every change goes to
 * the draft (≤ 300 ms later) and to the saver (1 s after typing stops); blur,
 * tab hidden and page hide flush both; `online` retries at once.
 */
export function useSectionAutosave({
  editor,
  scope,
  baseVersion,
  savedContent,
  saveAtOnce,
  save,
  ...callbacks
}: Options) {
  const { docId, sectionKey, userId } = scope;
  const [status, setStatus] = useState<SaveStatus>({ kind: "idle" });
  const [saver] = useState(
    () =>
      new SectionSaver({
        baseVersion,
        savedContent,
        getContent: () => savedContent,
        save: () => Promise.resolve(NOT_CONNECTED),
      }),
  );
  const draftsKept = useRef(true);
  const savedAtOnce = useRef(false);
  const latestCallbacks = useRef(callbacks);

  // After every render: the saver talks to the latest props.
  useEffect(() => {
    latestCallbacks.current = callbacks;
    saver.connect({
      save: (request) => save({ docId, sectionKey, ...request }),
      onStatus: (next) => {
        setStatus(next);
        latestCallbacks.current.onStatus(next, draftsKept.current);
      },
      onSaved: (outcome, content) => {
        getBrowserDraftStore().acknowledge({ docId, sectionKey, userId }, { content, version: outcome.version });
        latestCallbacks.current.onSaved(outcome);
      },
    });
  });

  useEffect(() => {
    if (!editor) return;
    const drafts = getBrowserDraftStore();
    const draftScope = { docId, sectionKey, userId };
    saver.setContentSource(() => toPlainJson(editor.getJSON()));

    let draftTimer: ReturnType<typeof setTimeout> | null = null;
    const writeDraft = () => {
      if (draftTimer) clearTimeout(draftTimer);
      draftTimer = null;
      const content = toPlainJson(editor.getJSON());
      if (saver.isSaved(content)) drafts.clear(draftScope);
      else draftsKept.current = drafts.write(draftScope, { content, baseVersion: saver.baseVersion });
    };
    const onUpdate = () => {
      saver.change();
      // At most 300 ms behind, even while typing continues (a crash loses no more).
      draftTimer ??= setTimeout(writeDraft, DRAFT_DELAY_MS);
    };
    const flushAll = () => {
      if (draftTimer) writeDraft();
      void saver.flush();
    };
    const onVisibility = () => {
      if (document.visibilityState === "hidden") flushAll();
    };
    const onOnline = () => saver.retryNow();

    editor.on("update", onUpdate);
    editor.on("blur", flushAll);
    window.addEventListener("pagehide", flushAll);
    window.addEventListener("online", onOnline);
    document.addEventListener("visibilitychange", onVisibility);
    if (saveAtOnce && !savedAtOnce.current) {
      savedAtOnce.current = true;
      saver.change();
      void saver.flush();
    }
    return () => {
      editor.off("update", onUpdate);
      editor.off("blur", flushAll);
      window.removeEventListener("pagehide", flushAll);
      window.removeEventListener("online", onOnline);
      document.removeEventListener("visibilitychange", onVisibility);
      // Leaving (client navigation): keep the last text and let the save finish.
      flushAll();
      const snapshot = toPlainJson(editor.getJSON());
      saver.setContentSource(() => snapshot);
    };
  }, [editor, saver, docId, sectionKey, userId, saveAtOnce]);

  const conflict = status.kind === "conflict" ? status : null;

  const keepMine = useCallback(() => {
    if (saver.status.kind === "conflict") void saver.saveOver(saver.status.current);
  }, [saver]);

  const acceptTheirs = useCallback(() => {
    const state = saver.status;
    if (state.kind !== "conflict" || !editor) return;
    saver.acceptRemote(state.current);
    // Undoable: Mod-Z brings the writer's text back (and autosave then saves it).
    editor.commands.setContent(state.current.content, { emitUpdate: false });
    getBrowserDraftStore().clear({ docId, sectionKey, userId });
    latestCallbacks.current.onRemoteVersion(state.current);
  }, [saver, editor, docId, sectionKey, userId]);

  /** Save now (leaving the editor): resolves once the save is answered. */
  const flush = useCallback(() => saver.flush(), [saver]);

  return { status, conflict, keepMine, acceptTheirs, saveMerged: keepMine, flush };
}
