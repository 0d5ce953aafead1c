"use client";

import { X } from "lucide-react";
import { useCallback, useEffect, useMemo, useRef, useState, type ComponentType } from "react";
import { Alert } from "@/components/ui/alert";
import { publishDocStamp } from "@/components/docs/live-stamp";
import { Button } from "@/components/ui/button";
import type { SaveOutcome, SaveSectionInput, SectionDTO, SectionSummaryDTO } from "@/lib/docs/dto";
import { hasStoredDraft } from "./draft-key";
import { loadSectionEditor, preloadSectionEditor } from "./editor-loader";
import type { EditorStart, FocusRequest } from "./editor-types";
import { SectionHeader, type Stamp } from "./section-header";
import { SectionReadView } from "./section-read-view";
import { loadSectionSource, preloadSectionSource } from "./section-source";
import { loadTableTools, preloadTableTools } from "./table-tools-loader";
import type { RemoteVersion, SavedOutcome, SaveStatus } from "./section-saver";
// Types only: the editor's code stays out of this module's chunk.
import type { SectionEditorProps } from "./section-editor";

export type SectionBlockProps = {
  docId: string;
  /** HTML and stamps only: the JSON is fetched when editing starts (section-source.ts). */
  section: SectionSummaryDTO;
  /** False for viewers: the server's HTML and nothing else (no editor code is ever loaded). */
  editable: boolean;
  save: (input: SaveSectionInput) => Promise<SaveOutcome>;
  /** After each acknowledged save of this section (for the doc's "Last updated" stamp). */
  onSaved?: (outcome: SavedOutcome) => void;
  /** The signed-in user's id, so people sharing a browser never inherit each other's drafts. */
  userId?: string;
};

type Notice = "restored" | "restore-failed" | null;

function newer(a: Stamp, b: Stamp | null): Stamp {
  return b && Date.parse(b.at) > Date.parse(a.at) ? b : a;
}

/**
 * One section of a doc: its heading, stamps and save status, and its content —
 * server-rendered HTML until someone edits, then the Tiptap editor, loaded on
 * demand. Restores and saves unsaved work found on this device.
 */
export function SectionBlock({ docId, section, editable, save, onSaved, userId }: SectionBlockProps) {
  const headingId = `${section.key}-heading`;
  const scope = useMemo(() => ({ docId, sectionKey: section.key, userId }), [docId, section.key, userId]);
  // The server's HTML escapes text, so "<table" is only ever a table.
  const hasTable = section.html.includes("<table");
  const [start, setStart] = useState<EditorStart | null>(null);
  // The section with its JSON, as the server holds it when editing starts.
  const [source, setSource] = useState<SectionDTO | null>(null);
  const [Editor, setEditor] = useState<ComponentType<SectionEditorProps> | null>(null);
  // Editing was asked for and the editor's code or the section's JSON is on its way.
  const [pending, setPending] = useState<{ focus: FocusRequest; insertOutline: boolean } | null>(null);
  const [loadFailed, setLoadFailed] = useState<string | null>(null);
  const [saveState, setSaveState] = useState<{ status: SaveStatus; draftsKept: boolean }>({ status: { kind: "idle" }, draftsKept: true });
  const [notice, setNotice] = useState<Notice>(null);
  const [localStamp, setLocalStamp] = useState<Stamp | null>(null);
  const typedAhead = useRef("");
  const onSavedRef = useRef(onSaved);
  useEffect(() => {
    onSavedRef.current = onSaved;
  });

  /** The editor's code and the section's JSON, together; `open` runs with both (and again on "Try again"). */
  const lastOpen = useRef<((fetched: SectionDTO) => void) | null>(null);
  const fetchBoth = useCallback(
    (open: (fetched: SectionDTO) => void) => {
      lastOpen.current = open;
      // A section with a table gets table editing with the editor, so its editor starts complete.
      Promise.all([loadSectionEditor(), loadSectionSource(docId, section.key), hasTable && loadTableTools()]).then(
        ([module, fetched]) => {
          setSource(fetched);
          if (fetched.version !== section.version) setLocalStamp({ at: fetched.updatedAt, by: fetched.updatedBy });
          open(fetched);
          setEditor(() => module.SectionEditor);
        },
        (error: unknown) => {
          setPending((prev) => prev ?? { focus: null, insertOutline: false });
          setLoadFailed(error instanceof Error && error.message ? error.message : "Check your connection and try again.");
        },
      );
    },
    [docId, section.key, section.version, hasTable],
  );

  const begin = useCallback(
    (focus: FocusRequest, insertOutline = false) => {
      if (!editable || pending || start) return;
      setPending({ focus, insertOutline });
      setLoadFailed(null);
      fetchBoth((fetched) => setStart((prev) => prev ?? { content: fetched.content, baseVersion: fetched.version, restored: false, insertOutline, focus }));
    },
    [editable, pending, start, fetchBoth],
  );
  const retry = () => {
    if (!lastOpen.current) return;
    setLoadFailed(null);
    fetchBoth(lastOpen.current);
  };
  const preload = useCallback(() => {
    if (!editable) return;
    preloadSectionEditor();
    preloadSectionSource(docId, section.key);
    if (hasTable) preloadTableTools();
  }, [editable, docId, section.key, hasTable]);

  // Unsaved work from an earlier visit: open the editor with it and save it, once.
  // The draft store's code comes only when this browser holds something for the section.
  const checkedDrafts = useRef(false);
  useEffect(() => {
    if (!editable || checkedDrafts.current) return;
    checkedDrafts.current = true;
    if (!hasStoredDraft(scope)) return;
    Promise.all([import("./draft-store"), import("./content-key")]).then(
      ([{ getBrowserDraftStore }, { sameContent }]) => {
        const drafts = getBrowserDraftStore();
        const draft = drafts.read(scope);
        if (!draft) return;
        // Nothing is set before the fetch answers (no state change inside the effect itself).
        fetchBoth((fetched) => {
          if (sameContent(draft.content, fetched.content)) {
            // Saved after all (the page closed between the save and the draft's removal): open nothing.
            drafts.clear(scope);
            return;
          }
          setPending({ focus: null, insertOutline: false });
          // The draft wins over a session started from the server's text in the same instant.
          setStart((prev) => ({ content: draft.content, baseVersion: draft.baseVersion, restored: true, insertOutline: false, focus: prev?.focus ?? null }));
          setNotice("restored");
        });
      },
      () => setNotice("restore-failed"),
    );
  }, [editable, scope, fetchBoth]);

  const onStatus = useCallback((status: SaveStatus, draftsKept: boolean) => setSaveState({ status, draftsKept }), []);
  const onSectionSaved = useCallback((outcome: SavedOutcome) => {
    setLocalStamp({ at: outcome.updatedAt, by: outcome.updatedBy });
    publishDocStamp(docId, { at: outcome.updatedAt, by: outcome.updatedBy, revision: outcome.docRevision });
    onSavedRef.current?.(outcome);
  }, [docId]);
  const onRemoteVersion = useCallback((current: RemoteVersion) => setLocalStamp({ at: current.updatedAt, by: current.updatedBy }), []);
  const onRestoreFailed = useCallback(() => setNotice("restore-failed"), []);
  const takeTypedAhead = useCallback(() => {
    const text = typedAhead.current;
    typedAhead.current = "";
    return text;
  }, []);

  const editing = start !== null && Editor !== null && source !== null;
  const loading = pending !== null && !editing && !loadFailed;
  const stamp = newer({ at: section.updatedAt, by: section.updatedBy }, localStamp);

  return (
    <section
      id={section.key}
      aria-labelledby={headingId}
      className="section-block"
      data-section-key={section.key}
      data-editing={editing ? "" : undefined}
    >
      <SectionHeader
        section={section}
        headingId={headingId}
        stamp={stamp}
        status={saveState.status}
        draftsKept={saveState.draftsKept}
        canStart={editable && !editing}
        loading={loading}
        onEdit={() => begin({ kind: "end" })}
        onPreload={preload}
      />
      {notice && (
        <Alert variant={notice === "restored" ? "info" : "warning"} className="mb-3 items-start">
          <div className="flex items-start justify-between gap-2">
            <span>
              {notice === "restored"
                ? "Restored unsaved changes from this device."
                : "Unsaved changes on this device could not be opened; showing the saved version."}
            </span>
            <button type="button" aria-label="Dismiss" className="-m-1 rounded p-1 hover:bg-black/5" onClick={() => setNotice(null)}>
              <X aria-hidden="true" className="size-4" />
            </button>
          </div>
        </Alert>
      )}
      {loadFailed && (
        <Alert variant="danger" className="mb-3" title="The editor could not be loaded">
          <p>{loadFailed} Nothing you wrote is lost.</p>
          <Button variant="secondary" size="sm" className="mt-2" onClick={retry}>
            Try again
          </Button>
        </Alert>
      )}
      <div className="section-body">
        {start && Editor && source ? (
          <Editor
            section={{ ...source, html: section.version === source.version ? section.html : source.html }}
            scope={scope}
            start={start}
            save={save}
            takeTypedAhead={takeTypedAhead}
            onRestoreFailed={onRestoreFailed}
            onStatus={onStatus}
            onSaved={onSectionSaved}
            onRemoteVersion={onRemoteVersion}
          />
        ) : (
          <SectionReadView
            section={section}
            editable={editable}
            loading={loading}
            hintId={`${section.key}-edit-hint`}
            onEdit={(focus) => begin(focus)}
            onInsertOutline={() => begin({ kind: "start" }, true)}
            onPreload={preload}
            onTypedAhead={(text) => {
              typedAhead.current += text;
            }}
          />
        )}
      </div>
    </section>
  );
}
