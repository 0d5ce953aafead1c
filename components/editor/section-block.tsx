"use client";

import { X } from "lucide-react";
import { lazy, Suspense, useCallback, useEffect, useMemo, useRef, useState, type ComponentType } from "react";
import { Alert } from "@/components/ui/alert";
import { publishDocStamp, publishSectionVersion } from "@/components/docs/live-stamp";
import { liveSessionFor, useLiveSession, useSessionStatusOf } from "@/components/collab/live-doc";
import { useLiveHtml, type LiveHtml } from "@/components/collab/use-live-html";
import { SectionPresence } from "@/components/collab/lazy-presence";
import type { SessionStatus } from "@/components/collab/session";
import { Button } from "@/components/ui/button";
import type { SectionActions } from "@/components/docs/extra-section-controls";
import type { ActionResult } from "@/lib/action";
import type { MentionCandidateDTO } from "@/lib/comments/dto";
import type { PersonDTO, SaveOutcome, SaveSectionInput, SectionDTO, SectionSummaryDTO } from "@/lib/docs/dto";
import { hasStoredDraft } from "./draft-key";
import type { FinishedView } from "./editor-common";
import { loadSectionEditor, preloadSectionEditor } from "./editor-loader";
import type { EditorStart, FocusRequest } from "./editor-types";
import { SectionHeader, type Stamp } from "./section-header";
import { SectionReadView } from "./section-read-view";
import { estimatedBodyHeight } from "./section-size";
import { forgetSectionSource, loadSectionSource, preloadSectionSource } from "./section-source";
import { loadTableTools, preloadTableTools } from "./table-tools-loader";
import type { RemoteVersion, SavedOutcome, SaveStatus } from "./section-saver";
// Types only: the editor's code stays out of this module's chunk.
import type { SectionEditorProps } from "./section-editor";
import type { LiveSectionEditorProps } from "./live-section-editor";

// The live editor (Tiptap bound to the doc's Y.Doc) is a chunk of its own, like the saving editor.
let liveEditorLoading: Promise<typeof import("./live-section-editor")> | null = null;
function loadLiveSectionEditor() {
  liveEditorLoading ??= import("./live-section-editor").catch((error: unknown) => {
    liveEditorLoading = null;
    throw error;
  });
  return liveEditorLoading;
}

export type SectionBlockProps = {
  docId: string;
  /** HTML and stamps only: the JSON is fetched when editing starts (section-source.ts). */
  section: SectionSummaryDTO;
  /** False for viewers: the server's HTML and nothing else (no editor code is ever loaded). */
  editable: boolean;
  save: (input: SaveSectionInput) => Promise<SaveOutcome>;
  /** People who can read the doc, for @-mentions in the text (members editing; never share links). */
  mentions?: (docId: string, query: string) => Promise<ActionResult<MentionCandidateDTO[]>>;
  /** After each acknowledged save of this section (for the doc's "Last updated" stamp). */
  onSaved?: (outcome: SavedOutcome) => void;
  /** The signed-in user's id, so people sharing a browser never inherit each other's drafts. */
  userId?: string;
  /** Rename, move and remove, for a section of the doc's own (`section.extra`) that this person may edit. */
  sectionActions?: SectionActions;
};

type Notice = "restored" | "restore-failed" | null;

// Only editors of a doc with sections of its own need these: readers never download them.
const ExtraSectionControls = lazy(() =>
  import("@/components/docs/extra-section-controls").then((m) => ({ default: m.ExtraSectionControls })),
);

/** Where a key typed while an editor opens is someone else's (a field, another editor). */
const TAKES_KEYS = 'input, textarea, select, [contenteditable="true"]';

const connectedOf = (status: SessionStatus) => status.connected;
const accessOf = (status: SessionStatus) => status.access;

function newer(a: Stamp, b: Stamp | null): Stamp {
  return b && Date.parse(b.at) > Date.parse(a.at) ? b : a;
}

/**
 * One section of a doc: its heading, stamps and save status, and its content —
 * server-rendered HTML until someone edits, then the Tiptap editor, loaded on
 * demand. Restores and saves unsaved work found on this device.
 */
export function SectionBlock({
  docId,
  section,
  editable,
  save,
  mentions,
  onSaved,
  userId,
  sectionActions,
}: SectionBlockProps) {
  const headingId = `${section.key}-heading`;
  const scope = useMemo(() => ({ docId, sectionKey: section.key, userId }), [docId, section.key, userId]);
  // The server's HTML escapes text, so "<table" is only ever a table.
  const hasTable = section.html.includes("<table");
  const [start, setStart] = useState<EditorStart | null>(null);
  // The section with its JSON, as the server holds it when editing starts.
  const [source, setSource] = useState<SectionDTO | null>(null);
  const [Editor, setEditor] = useState<ComponentType<SectionEditorProps> | null>(null);
  const [LiveEditor, setLiveEditor] = useState<ComponentType<LiveSectionEditorProps> | null>(null);
  // The doc's live session (null before it connects, or when live editing is off): edits go through it.
  const session = useLiveSession();
  const liveConnected = useSessionStatusOf(session, connectedOf);
  const liveAccess = useSessionStatusOf(session, accessOf);
  const sectionRef = useRef<HTMLElement>(null);
  // While this page's editor shows the section, its read view is not rendered from the live fragment.
  const liveHtml = useLiveHtml(session, section.key, section.html, sectionRef, start !== null);
  // Editing was asked for and the editor's code or the section's JSON is on its way.
  const [pending, setPending] = useState<{ focus: FocusRequest; insertOutline: boolean } | null>(null);
  const [loadFailed, setLoadFailed] = useState<string | null>(null);
  const [saveState, setSaveState] = useState<{ status: SaveStatus; draftsKept: boolean }>({
    status: { kind: "idle" },
    draftsKept: true,
  });
  const [notice, setNotice] = useState<Notice>(null);
  const [localStamp, setLocalStamp] = useState<Stamp | null>(null);
  const typedAhead = useRef("");
  // Keys are kept for the editor from the moment editing is asked for until it takes them (takeTypedAhead).
  const catchingKeys = useRef(false);
  const findPeople = useMemo(
    () =>
      mentions
        ? async (query: string) => {
            const result = await mentions(docId, query);
            return result.ok ? result.data : [];
          }
        : undefined,
    [mentions, docId],
  );
  // Escape or "Done" closed the editor: its content as read-view HTML, until the live fragment shows newer.
  const [closed, setClosed] = useState<{ view: FinishedView; live: LiveHtml | null } | null>(null);
  // The closed editor's last save: editing again starts from what it saved, not from before.
  const settling = useRef<Promise<unknown> | null>(null);
  const doneRef = useRef<(() => void) | null>(null);
  // Closed by the keyboard or the Done button: focus stays in the section (its read view: Enter edits again).
  useEffect(() => {
    if (closed) sectionRef.current?.querySelector<HTMLElement>(".section-body [data-editable]")?.focus();
  }, [closed]);
  const onSavedRef = useRef(onSaved);
  useEffect(() => {
    onSavedRef.current = onSaved;
  });

  /** The editor's code and the section's JSON, together; `open` runs with both (and again on "Try again"). */
  const lastOpen = useRef<((fetched: SectionDTO) => void) | null>(null);
  const fetchBoth = useCallback(
    (open: (fetched: SectionDTO) => void, liveEditing = false) => {
      lastOpen.current = open;
      // A section with a table gets table editing with the editor, so its editor starts complete.
      const editorModule = liveEditing ? loadLiveSectionEditor() : loadSectionEditor();
      // Live, the text comes from the doc this page holds: offline, the editor opens without the server's copy
      // (only "Insert outline" waits for the network). Table editing that cannot be fetched comes with the next open.
      const source = liveEditing
        ? loadSectionSource(docId, section.key).catch((error: unknown) =>
            navigator.onLine ? Promise.reject(error) : { ...section, content: { type: "doc" }, outline: null },
          )
        : loadSectionSource(docId, section.key);
      const tables = hasTable && (liveEditing ? loadTableTools().catch(() => false) : loadTableTools());
      Promise.all([editorModule, source, tables]).then(
        ([module, fetched]) => {
          setSource(fetched);
          if (fetched.version !== section.version) setLocalStamp({ at: fetched.updatedAt, by: fetched.updatedBy });
          open(fetched);
          if ("LiveSectionEditor" in module) setLiveEditor(() => module.LiveSectionEditor);
          else setEditor(() => module.SectionEditor);
        },
        (error: unknown) => {
          setPending((prev) => prev ?? { focus: null, insertOutline: false });
          catchingKeys.current = false;
          setLoadFailed(
            error instanceof Error && error.message ? error.message : "Check your connection and try again.",
          );
        },
      );
    },
    [docId, section, hasTable],
  );

  const begin = useCallback(
    (focus: FocusRequest, insertOutline = false) => {
      if (!editable || pending || start) return;
      catchingKeys.current = true;
      setPending({ focus, insertOutline });
      setLoadFailed(null);
      // Live once the doc has synced with the server (waiting a moment for it); with no live channel, the saving
      // editor. After a close, once its last save is answered (its JSON fetched afresh, not a preloaded copy).
      const saved = settling.current;
      settling.current = null;
      const settled = saved ? saved.catch(() => {}).then(() => forgetSectionSource(docId, section.key)) : null;
      void Promise.all([liveSessionFor(docId), settled]).then(([liveSession]) =>
        fetchBoth(
          (fetched) =>
            setStart(
              (prev) =>
                prev ?? {
                  content: fetched.content,
                  baseVersion: fetched.version,
                  restored: false,
                  insertOutline,
                  focus,
                },
            ),
          liveSession !== null,
        ),
      );
    },
    [editable, pending, start, fetchBoth, docId, section.key],
  );
  const retry = useCallback(() => {
    if (!lastOpen.current) return;
    setLoadFailed(null);
    fetchBoth(lastOpen.current, session !== null);
  }, [fetchBoth, session]);
  // Failed for want of a network: tried again once it is back, without a click.
  useEffect(() => {
    if (!loadFailed) return;
    window.addEventListener("online", retry);
    return () => window.removeEventListener("online", retry);
  }, [loadFailed, retry]);
  // Warm the editor that will open: with the doc's live session up, the live one (warming the saving editor there
  // too fetched its own chunk, autosave and drafts, for nothing).
  const preload = useCallback(() => {
    if (!editable) return;
    if (session) loadLiveSectionEditor().catch(() => {});
    else preloadSectionEditor();
    preloadSectionSource(docId, section.key);
    if (hasTable) preloadTableTools();
  }, [editable, session, docId, section.key, hasTable]);

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
          setStart((prev) => ({
            content: draft.content,
            baseVersion: draft.baseVersion,
            restored: true,
            insertOutline: false,
            focus: prev?.focus ?? null,
          }));
          setNotice("restored");
        });
      },
      () => setNotice("restore-failed"),
    );
  }, [editable, scope, fetchBoth]);

  const onStatus = useCallback((status: SaveStatus, draftsKept: boolean) => setSaveState({ status, draftsKept }), []);
  const onSectionSaved = useCallback(
    (outcome: SavedOutcome) => {
      setLocalStamp({ at: outcome.updatedAt, by: outcome.updatedBy });
      publishDocStamp(docId, { at: outcome.updatedAt, by: outcome.updatedBy, revision: outcome.docRevision });
      onSavedRef.current?.(outcome);
    },
    [docId],
  );
  const onRemoteVersion = useCallback(
    (current: RemoteVersion) => setLocalStamp({ at: current.updatedAt, by: current.updatedBy }),
    [],
  );
  const onRestoreFailed = useCallback(() => setNotice("restore-failed"), []);
  const onDone = useCallback(
    (view: FinishedView, settled: Promise<unknown>) => {
      settling.current = settled;
      setClosed({ view, live: liveHtml });
      setStart(null);
      setPending(null);
    },
    [liveHtml],
  );
  const takeTypedAhead = useCallback(() => {
    catchingKeys.current = false;
    const text = typedAhead.current;
    typedAhead.current = "";
    return text;
  }, []);
  // From asking to edit until the editor has the caret, a key can reach no element that takes it (the read view is
  // gone, the editor not focused yet): it would be lost. It is kept, and typed into the editor once that opens.
  useEffect(() => {
    if (!pending) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (!catchingKeys.current || event.defaultPrevented || event.isComposing) return;
      if (event.key.length !== 1 || event.ctrlKey || event.metaKey || event.altKey) return;
      const target = event.target instanceof HTMLElement ? event.target : null;
      const ours = target && sectionRef.current?.contains(target) && !target.closest(TAKES_KEYS);
      if (target !== document.body && !ours) return;
      event.preventDefault();
      typedAhead.current += event.key;
    };
    document.addEventListener("keydown", onKeyDown, true);
    return () => document.removeEventListener("keydown", onKeyDown, true);
  }, [pending]);

  const liveEditing = start !== null && session !== null && LiveEditor !== null && source !== null;
  const editing = liveEditing || (start !== null && Editor !== null && source !== null);
  // The collaboration server stored this section: its stamp, the doc's, and "Saved" while editing here.
  const [liveSaved, setLiveSaved] = useState<{ at: string; by: PersonDTO } | null>(null);
  const [liveDirty, setLiveDirty] = useState(false);
  // This page changed the section live: its "Saving…/Saved" stays after the editor closes.
  const [liveTouched, setLiveTouched] = useState(false);
  useEffect(() => {
    if (!session) return;
    // This page's own changes to the section: "Saved" only once a store includes the last of them.
    let lastClock = 0;
    const onTransaction = (transaction: { local: boolean; changed: Map<unknown, unknown> }) => {
      if (!transaction.local || transaction.changed.size === 0) return;
      if (!session.touches(transaction, section.key)) return;
      lastClock = session.clock();
      setLiveDirty(true);
      setLiveTouched(true);
    };
    session.doc.on("afterTransaction", onTransaction);
    const off = session.onEvent((event) => {
      if (event.type !== "stored" || !Array.isArray(event.sections)) return;
      const clocks = (event.clocks ?? {}) as Record<string, number>;
      if ((clocks[String(session.doc.clientID)] ?? 0) >= lastClock) setLiveDirty(false);
      const mine = (event.sections as { key: string; version?: number; at: string; by: PersonDTO }[]).find(
        (s) => s.key === section.key,
      );
      if (!mine) return;
      setLiveSaved({ at: mine.at, by: mine.by });
      setLocalStamp({ at: mine.at, by: mine.by });
      const revision = typeof event.revision === "number" ? event.revision : undefined;
      publishDocStamp(docId, { at: mine.at, by: mine.by, revision });
      if (typeof mine.version === "number") publishSectionVersion(docId, section.key, mine.version);
    });
    return () => {
      off();
      session.doc.off("afterTransaction", onTransaction);
    };
  }, [session, section.key, docId]);
  // Live: the server stores the doc; this page only says whether its changes have reached the server.
  const liveStatus: SaveStatus | null =
    liveEditing || (session && liveTouched)
      ? !liveConnected
        ? { kind: "offline", attempt: 0, retryInMs: 0 }
        : liveDirty
          ? { kind: "pending" }
          : liveSaved
            ? { kind: "saved", at: liveSaved.at, by: liveSaved.by }
            : { kind: "idle" }
      : null;
  const loading = pending !== null && !editing && !loadFailed;
  // A section nobody wrote still carries the stamp of creating the doc: it says so instead (version 1, empty).
  const unwritten = !localStamp && section.version === 1 && section.isEmpty;
  // What the read view shows: the closed editor's content while the live fragment has shown nothing newer.
  const shown = closed && closed.live === liveHtml ? closed.view : liveHtml;
  const stamp = unwritten ? null : newer({ at: section.updatedAt, by: section.updatedBy }, localStamp);
  // Once per section's HTML, not on each of the many renders live status and typing cause (a section may be 512 KB).
  const bodyHeight = useMemo(() => estimatedBodyHeight(section.html, section.isEmpty), [section.html, section.isEmpty]);

  return (
    <section
      ref={sectionRef}
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
        status={liveStatus ?? saveState.status}
        draftsKept={saveState.draftsKept}
        canStart={editable && !editing && !(session && liveAccess === "none")}
        loading={loading}
        onEdit={() => begin({ kind: "end" })}
        onDone={editing ? () => doneRef.current?.() : undefined}
        onPreload={preload}
        controls={
          section.extra && sectionActions ? (
            <Suspense fallback={null}>
              <ExtraSectionControls docId={docId} section={section} actions={sectionActions} />
            </Suspense>
          ) : null
        }
      />
      {notice && (
        <Alert variant={notice === "restored" ? "info" : "warning"} className="mb-3 items-start">
          <div className="flex items-start justify-between gap-2">
            <span>
              {notice === "restored"
                ? "Restored unsaved changes from this device."
                : "Unsaved changes on this device could not be opened; showing the saved version."}
            </span>
            <button
              type="button"
              aria-label="Dismiss"
              className="-m-1 rounded p-1 hover:bg-black/5"
              onClick={() => setNotice(null)}
            >
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
      <SectionPresence sectionKey={section.key} />
      {/* Its height until drawn, when far off screen (section-size.ts says why). */}
      <div className="section-body" style={{ containIntrinsicSize: `auto ${bodyHeight}px` }}>
        {liveEditing && session && LiveEditor && start && source ? (
          <LiveEditor
            section={source}
            docId={docId}
            session={session}
            start={start}
            takeTypedAhead={takeTypedAhead}
            editable={liveAccess === "edit"}
            onDone={onDone}
            doneRef={doneRef}
            findPeople={findPeople}
          />
        ) : start && Editor && source ? (
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
            onDone={onDone}
            doneRef={doneRef}
            findPeople={findPeople}
          />
        ) : (
          <SectionReadView
            section={shown ? { ...section, ...shown } : section}
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
