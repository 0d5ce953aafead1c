import "server-only";
import { createHash } from "node:crypto";
import { Server, type Document, type Extension } from "@hocuspocus/server";
import type { Connection } from "@hocuspocus/server";
import type { JSONContent } from "@tiptap/core";
import * as Y from "yjs";
import { logError } from "@/lib/log";
import { logger } from "@/lib/observability/logger";
import { createRegistry } from "@/lib/observability/metrics";
import {
  docExists,
  liveAccess,
  liveAccessKey,
  liveAccessMany,
  READ_ONLY_MESSAGES,
  type LiveAccess,
  type LiveAccessAnswer,
  type LiveAccessQuestion,
} from "./access";
import { MessageLimiter, LIMITS } from "./limits";
import { createStoreGate, storeConcurrency } from "./store-gate";
import { CLOSED_MESSAGES, type ClosedReason } from "./messages";
import { metricsRequest } from "./metrics";
import { listenForSectionChanges, type SectionChange } from "./notify";
import { contentHash } from "@/lib/docs/content";
import { commitFragment, loadLiveDoc, loadSection, sameContent, storeState } from "./persistence";
import { docIdFromName, verifyCollabToken, type CollabClaims } from "./token";
import { mergeSectionContent } from "./merge";
import { applyOutsideContent, changedKeys, fragmentContent, normalise } from "./ydoc";

/** What a connection carries: who it is and what they may do right now. */
export type CollabContext = {
  docId: string;
  subject: CollabClaims["subject"];
  name: string;
  access: LiveAccess;
  /** Why this connection is read-only, as last told to its page (empty while it may edit). */
  message?: string;
  limiter: MessageLimiter;
};

export type CollabServerOptions = {
  port: number;
  host?: string;
  secret: string;
  /** How often open connections' access is asked again (removal, revocation, lock, archive). */
  recheckMs?: number;
  /** Store debounce: after typing stops, and at most this long during continuous typing. */
  debounceMs?: number;
  maxDebounceMs?: number;
  extensions?: Extension[];
  quiet?: boolean;
  /** How often docs with changes not stored yet (a failed store, a skipped one, changes from another process) are
   * handed to the store again. */
  sweepMs?: number;
  /** Reads GET /metrics as a Bearer token; without it only a client on this machine may. */
  metricsToken?: string;
  /**
   * With several processes (Redis): true for the one process that merges a given outside write into the shared
   * doc (the others receive it through Redis); merging it in each would insert it once per process.
   */
  claim?: (key: string) => Promise<boolean>;
  /** With several processes: who typed in a section on any of them, so whichever stores it names them all. */
  authors?: SharedAuthors;
};

export type SharedAuthors = {
  add(docId: string, key: string, userId: string): void;
  /** Everyone added for the section since the last take (and forgets them). */
  take(docId: string, key: string): Promise<string[]>;
};

/** The collab process's Prometheus registry (GET /metrics on the collab port). */
export type CollabMetrics = ReturnType<typeof createRegistry>;

/** Origin of transactions the server makes itself (seeding, outside writes): never someone's typing. */
export const SERVER_ORIGIN = { source: "local" as const, context: { server: true } };

/** Per loaded doc: which sections changed since the last store, and who typed in them. */
type LiveState = {
  docId: string;
  dirty: Map<string, Set<string>>;
  /**
   * Sections changed here only through Redis (typed on another process), and since when. The process the typing
   * reached stores it with its authors; this one stores such a section only if that has not happened after a
   * while (that process died), so a version never loses its authors to a quicker process.
   */
  remoteOnly: Map<string, number>;
  /** The section versions the live doc wrote or took in: a notification for one of these is our own echo. */
  known: Map<string, number>;
  /** The store in flight, so outside writes are merged after it (not before its echo arrives). */
  storing: Promise<void>;
  /** The doc was deleted: nothing of it is stored any more (its connections are closed). */
  gone: boolean;
  /**
   * The state vector of the Yjs state the database holds (as loaded, or as this process last stored it): a page
   * drops the edits it keeps on its device only once this covers them (an acknowledged edit is not stored yet).
   */
  durable: Record<string, number>;
  /** Bumped by every change of the Y.Doc, whatever its origin: the state is stored again only when it moved. */
  generation: number;
  /** The generation the stored Yjs state holds (-1: none stored). */
  storedGeneration: number;
  /**
   * Per section, the content hash this process last handed to the pipeline (or found stored on load) and the
   * version that made: while the live doc's section has that hash and the database that version, a store of it
   * writes nothing, so it is skipped before the pipeline (an outside write moves `known`, and the skip with it).
   */
  stored: Map<string, { hash: string; version: number }>;
};

/** No section has version 0: a change named so is never this doc's own echo, and the section is read afresh. */
const NO_VERSION = 0;

/** The origin the sweep stores with: not a transaction anyone made (no extension delays or skips it). */
const SWEEP_ORIGIN = { sweep: true };

/** A Yjs client id (uint32) from the doc, its loaded state and its sections' versions. */
function seedClientId(docId: string, state: Uint8Array | null, sections: { key: string; version: number }[]): number {
  const hash = createHash("sha256")
    .update(docId)
    .update(state ?? new Uint8Array());
  for (const s of sections) hash.update(`\u0000${s.key}\u0000${s.version}`);
  return hash.digest().readUInt32BE(0);
}

function withClientId(doc: Y.Doc, clientId: number, run: () => void): void {
  const own = doc.clientID;
  doc.clientID = clientId;
  try {
    run();
  } finally {
    doc.clientID = own;
  }
}

const UNAUTHORIZED = { code: 4401, reason: CLOSED_MESSAGES["no-access"] };

export function createCollabServer(options: CollabServerOptions): Server<CollabContext> & { metrics: CollabMetrics } {
  const live = new Map<string, LiveState>();
  const storeGate = createStoreGate(storeConcurrency());
  const metrics = createRegistry();

  const stateOf = (document: Document): LiveState | undefined => live.get(document.name);

  async function store(document: Document): Promise<void> {
    const state = stateOf(document);
    if (!state || state.gone) return;
    const now = performance.now();
    const dirty = [...state.dirty.entries()].filter(([key]) => !waitingForOrigin(state, key, now));
    for (const [key] of dirty) {
      state.dirty.delete(key);
      state.remoteOnly.delete(key);
    }
    const putBack = (entries: [string, Set<string>][]) => {
      for (const [key, authors] of entries) {
        const merged = state.dirty.get(key) ?? new Set<string>();
        authors.forEach((a) => merged.add(a));
        state.dirty.set(key, merged);
      }
    };
    // One instant: the Yjs state, the sections' content and what it includes per client (the doc's state vector: a
    // page knows its changes are saved once the clock of its own client here has reached that of its last change).
    const generation = state.generation;
    const stateChanged = generation !== state.storedGeneration;
    const snapshot = stateChanged ? Y.encodeStateAsUpdate(document) : null;
    const clocks = stateChanged
      ? Object.fromEntries(Y.decodeStateVector(Y.encodeStateVector(document)))
      : state.durable;
    const contents = new Map<string, { content: JSONContent; hash: string }>();
    const same: string[] = [];
    for (const [key] of dirty) {
      try {
        const content = fragmentContent(document, key);
        const hash = contentHash(content);
        // What this process last stored (or loaded), at the version the database still holds: nothing to write.
        const last = state.stored.get(key);
        if (last?.hash === hash && last.version === state.known.get(key)) same.push(key);
        else contents.set(key, { content, hash });
      } catch (error) {
        logError("collab: a fragment is not a valid section", error, { docId: state.docId, key });
      }
    }
    for (const key of same) {
      metrics.collabSectionStores.inc({ result: "unchanged" });
      // Who typed and then took it back is no author of the next version.
      if (options.authors) await options.authors.take(state.docId, key).catch(() => undefined);
    }
    if (!snapshot && contents.size === 0) {
      // Nothing since the last store (typing undone, a sweep, a store queued behind one that took it all).
      document.broadcastStateless(JSON.stringify({ type: "durable", clocks }));
      metrics.collabStores.inc({ result: "unchanged" });
      return;
    }
    // The state first, then the sections: a section a live doc wrote is then always in the stored state, so a
    // process that dies between the two leaves a state that is ahead, never behind (a state behind its sections
    // is "taken in" as an outside write on load, and the reconnecting editors' own changes would double it).
    if (snapshot)
      try {
        await storeState(state.docId, snapshot);
        state.storedGeneration = generation;
        state.durable = clocks;
      } catch (error) {
        // Deleted meanwhile: there is nothing left to store it in, and retrying would fail every second until unload.
        if (
          await docExists(state.docId).then(
            (exists) => !exists,
            () => false,
          )
        )
          return forget(document, state);
        putBack(dirty);
        metrics.collabStoreErrors.inc({ part: "state" });
        metrics.collabStores.inc({ result: "failed" });
        logError("collab: storing the doc state failed", error, { docId: state.docId });
        throw error;
      }
    const failed: [string, Set<string>][] = [];
    const stored: { key: string; version: number; at: string; by: { id: string; name: string } }[] = [];
    let revision: number | undefined;
    // Whether the pages' server data must be fetched again now (else the stored event says it all: "Saved", stamps).
    let refresh = false;
    for (const [key, authors] of dirty) {
      const entry = contents.get(key);
      if (!entry) continue;
      try {
        if (options.authors) (await options.authors.take(state.docId, key)).forEach((id) => authors.add(id));
        const result = await commitFragment(state.docId, key, entry.content, [...authors], state.known.get(key));
        if ("error" in result && result.unmerged) {
          // Written outside meanwhile, not merged here yet: merged first (after this store), then stored with it
          // (the sweep hands the doc to the store again).
          putBack([[key, authors]]);
          metrics.collabSectionStores.inc({ result: "refused" });
          void takeOutsideChange({ docId: state.docId, key, version: NO_VERSION }).catch((error) =>
            logError("collab: outside write not merged", error, { docId: state.docId, key }),
          );
        } else if ("error" in result) {
          metrics.collabSectionStores.inc({ result: "refused" });
          logError("collab: section not stored", new Error(result.error), { docId: state.docId, key });
          // Typed in the seconds before the doc was locked or archived, or its typists lost access: the record
          // refuses it, so the live doc takes it back rather than show (and later store under someone else's
          // name) what was never stored.
          if (result.refused) await takeBackRefused(document, state, key, entry.content);
        } else {
          state.known.set(key, result.version);
          state.stored.set(key, { hash: entry.hash, version: result.version });
          metrics.collabSectionStores.inc({ result: result.changed ? "saved" : "unchanged" });
          if (result.changed) {
            stored.push({ key, version: result.version, at: result.updatedAt, by: result.updatedBy });
            if (result.docRevision !== undefined) revision = Math.max(revision ?? 0, result.docRevision);
            if (result.emptinessChanged) refresh = true;
          }
        }
      } catch (error) {
        // The database is away: keep the changes dirty, the next store (or the sweep) tries again.
        failed.push([key, authors]);
        metrics.collabSectionStores.inc({ result: "failed" });
        metrics.collabStoreErrors.inc({ part: "section" });
        logError("collab: storing a section failed", error, { docId: state.docId, key });
      }
    }
    putBack(failed);
    // Every page on the doc: "Saved", the sections' stamps and the doc's revision, without a reload.
    if (stored.length)
      document.broadcastStateless(JSON.stringify({ type: "stored", sections: stored, revision, clocks, refresh }));
    // What the database now holds, also when no section changed (pages confirm the edits kept on their device).
    else document.broadcastStateless(JSON.stringify({ type: "durable", clocks }));
    if (failed.length) {
      metrics.collabStores.inc({ result: "failed" });
      throw new Error(`${failed.length} section(s) of ${state.docId} not stored yet`);
    }
    metrics.collabStores.inc({ result: "stored" });
  }

  /** A deleted doc: its changes are dropped (never stored) and every page on it is told and closed. */
  function forget(document: Document, state: LiveState): void {
    if (!state.gone) logger.info({ docId: state.docId }, "collab: the doc was deleted while open");
    state.gone = true;
    state.dirty.clear();
    state.remoteOnly.clear();
    for (const connection of document.getConnections() as Connection<CollabContext>[]) closeFor(connection, "deleted");
  }

  function closeFor(connection: Connection<CollabContext>, reason: ClosedReason): void {
    const message = CLOSED_MESSAGES[reason];
    if (connection.context) connection.context.access = "none";
    connection.sendStateless(JSON.stringify({ type: "access", access: "none", reason, message }));
    connection.close({ code: UNAUTHORIZED.code, reason: message });
  }

  /**
   * Hocuspocus stores a doc after its own clients' changes only, and once: a store that failed (the database was
   * away), one skipped because another process held the doc's lock, and changes that came from another process
   * through Redis would wait for the next keystroke. The sweep hands every such doc to the (debounced) store again.
   */
  const remoteGraceMs = (options.maxDebounceMs ?? 10_000) + (options.debounceMs ?? 2_000);
  function waitingForOrigin(state: LiveState, key: string, now: number): boolean {
    const since = state.remoteOnly.get(key);
    return since !== undefined && now - since < remoteGraceMs;
  }

  function sweep(): void {
    const hocuspocus = server.hocuspocus;
    const now = performance.now();
    for (const document of hocuspocus.documents.values()) {
      const state = live.get(document.name);
      if (!state || state.dirty.size === 0 || document.isLoading) continue;
      if ([...state.dirty.keys()].every((key) => waitingForOrigin(state, key, now))) continue;
      const id = `onStoreDocument-${document.name}`;
      if (hocuspocus.debouncer.isDebounced(id) || hocuspocus.debouncer.isCurrentlyExecuting(id)) continue;
      void hocuspocus.storeDocumentHooks(document, {
        instance: hocuspocus,
        clientsCount: document.getConnectionsCount(),
        document,
        documentName: document.name,
        lastContext: {},
        lastTransactionOrigin: SWEEP_ORIGIN,
      });
    }
  }

  async function takeOutsideChange(change: SectionChange): Promise<void> {
    const name = `doc:${change.docId}`;
    const document = server.hocuspocus.documents.get(name);
    const state = live.get(name);
    if (!document || !state || change.version < 0) return;
    await state.storing.catch(() => undefined);
    const since = state.known.get(change.key);
    if (since === change.version) return;
    const section = await loadSection(change.docId, change.key, since);
    if (!section || state.known.get(change.key) === section.version) return;
    state.known.set(change.key, section.version);
    // Stored from the live doc (by another process, through Redis): what it holds is in the shared doc already,
    // and the doc here may be ahead of it; taking it "in" would undo the typing since.
    if (section.fromLiveDoc) return;
    const current = () => {
      try {
        return fragmentContent(document, change.key);
      } catch {
        return null;
      }
    };
    const written = normalise(section.content as never);
    const before = current();
    if (before && sameContent(before, written)) return;
    if (options.claim && !(await options.claim(`outside:${change.docId}:${change.key}:${section.version}`))) return;
    // The write was made on top of the stored version the live doc last held. Typing since that is not stored yet
    // (or arrived while the write was read) is kept: the write is merged with it, not laid over it.
    const ours = current();
    const base = section.sinceContent ? normalise(section.sinceContent as never) : null;
    const merged = ours && base && !sameContent(ours, base) ? mergeSectionContent(base, ours, written) : written;
    applyOutsideContent(document, change.key, merged, SERVER_ORIGIN);
    // What the doc now holds differs from what is stored: the next store writes the merge.
    if (merged !== written) state.dirty.set(change.key, state.dirty.get(change.key) ?? new Set());
    announceChanged(change.docId);
  }

  /**
   * The section's live fragment loses the changes a refused store held (`refused`: its content then), merged three
   * ways like an outside write, so typing that reached the doc after that store was read is kept.
   */
  async function takeBackRefused(document: Document, state: LiveState, key: string, refused: JSONContent) {
    const section = await loadSection(state.docId, key);
    if (!section || state.gone) return;
    let ours;
    try {
      ours = fragmentContent(document, key);
    } catch {
      return;
    }
    const stored = normalise(section.content as never);
    const kept = sameContent(ours, refused) ? stored : mergeSectionContent(refused, ours, stored);
    state.known.set(key, section.version);
    state.stored.set(key, { hash: contentHash(stored), version: section.version });
    applyOutsideContent(document, key, kept, SERVER_ORIGIN);
    announceChanged(state.docId);
  }

  // Pages on a doc fetch their data again when something they show changed (debounced per doc).
  const pendingChanged = new Map<string, NodeJS.Timeout>();
  function announceChanged(docId: string): void {
    if (pendingChanged.has(docId)) return;
    const timer = setTimeout(() => {
      pendingChanged.delete(docId);
      const document = server.hocuspocus.documents.get(`doc:${docId}`);
      if (!document) return;
      const changed = () => document.broadcastStateless(JSON.stringify({ type: "changed" }));
      // A doc being deleted announces changes too (its threads and verdicts go with it): its pages are told it is
      // gone, rather than sent to fetch a page that no longer exists ("not found" instead of why, and typing lost).
      void docExists(docId).then((exists) => {
        if (exists) return changed();
        const state = live.get(document.name);
        if (state) forget(document, state);
      }, changed);
    }, 100);
    timer.unref();
    pendingChanged.set(docId, timer);
  }

  // A person's pages (on any doc this process holds) fetch their data again when their inbox changed: the badge.
  const pendingInbox = new Map<string, NodeJS.Timeout>();
  function announceInbox(userId: string): void {
    if (pendingInbox.has(userId)) return;
    const timer = setTimeout(() => {
      pendingInbox.delete(userId);
      const message = JSON.stringify({ type: "inbox" });
      for (const document of server.hocuspocus.documents.values())
        for (const connection of document.getConnections() as Connection<CollabContext>[]) {
          const subject = connection.context?.subject;
          if (subject?.kind === "user" && subject.id === userId) connection.sendStateless(message);
        }
    }, 100);
    timer.unref();
    pendingInbox.set(userId, timer);
  }

  /**
   * Every open connection's access, asked again: one statement per few hundred (doc, caller) pairs for the whole
   * process (lib/collab/access.ts), so a process holding 1,000 docs asks a handful of statements per round, not
   * 1,000 — which held the event loop the relay shares.
   */
  async function recheck(onlyDocId?: string): Promise<void> {
    const open: { document: Document; connection: Connection<CollabContext>; key: string }[] = [];
    const questions = new Map<string, LiveAccessQuestion>();
    const documents = onlyDocId
      ? [server.hocuspocus.documents.get(`doc:${onlyDocId}`)].filter((d) => d !== undefined)
      : server.hocuspocus.documents.values();
    for (const document of documents)
      for (const connection of document.getConnections() as Connection<CollabContext>[]) {
        const ctx = connection.context;
        if (!ctx?.docId) continue;
        const question = { subject: ctx.subject, docId: ctx.docId };
        const key = liveAccessKey(question);
        questions.set(key, question);
        open.push({ document, connection, key });
      }
    if (!open.length) return;
    let answers: Map<string, LiveAccessAnswer>;
    try {
      const asked = [...questions.entries()];
      const answered = await liveAccessMany(asked.map(([, question]) => question));
      answers = new Map(asked.map(([key], i) => [key, answered[i]!]));
    } catch {
      return; // database away: keep what was decided
    }
    for (const { document, connection, key } of open) {
      const now = answers.get(key);
      const ctx = connection.context;
      // Gone meanwhile (closed, or its doc forgotten below).
      if (!now || !ctx || ctx.access === "none" || !server.hocuspocus.documents.has(document.name)) continue;
      if (now.reason === "deleted") {
        const state = live.get(document.name);
        if (state) forget(document, state);
        else closeFor(connection, "deleted");
        continue;
      }
      if (now.access === "none") {
        closeFor(connection, "no-access");
        continue;
      }
      const message =
        now.access === "edit" ? "" : (READ_ONLY_MESSAGES[now.reason as keyof typeof READ_ONLY_MESSAGES] ?? "");
      if (now.access === ctx.access && message === (ctx.message ?? "")) continue;
      ctx.access = now.access;
      ctx.message = message;
      connection.readOnly = now.access !== "edit";
      connection.sendStateless(JSON.stringify({ type: "access", access: now.access, reason: now.reason, message }));
    }
  }

  const server: Server<CollabContext> = new Server<CollabContext>({
    name: "design-review-collab",
    port: options.port,
    address: options.host ?? "127.0.0.1",
    quiet: options.quiet ?? true,
    debounce: options.debounceMs ?? 2_000,
    maxDebounce: options.maxDebounceMs ?? 10_000,
    // Send every update at once: batching here is latency the other person sees (STACK.md).
    flushDelay: 0,
    // A larger message closes that connection only (ws answers 1009).
    websocketOptions: { maxPayload: LIMITS.maxMessageBytes },
    stopOnSignals: false,
    extensions: options.extensions ?? [],

    async onAuthenticate({ documentName, token, connectionConfig }) {
      const docId = docIdFromName(documentName);
      if (!docId) throw new Error("not a doc");
      const check = verifyCollabToken(token, docId, options.secret);
      if (!check.ok) throw new Error(check.reason);
      const { access, reason } = await liveAccess(check.claims.subject, docId);
      // The reason reaches the page (permission denied): a deleted doc says so rather than "access ended".
      if (access === "none")
        throw Object.assign(new Error("no access"), { reason: reason === "deleted" ? "deleted" : "no-access" });
      connectionConfig.readOnly = access !== "edit";
      const context: CollabContext = {
        docId,
        subject: check.claims.subject,
        name: check.claims.name,
        access,
        limiter: new MessageLimiter(),
      };
      return context;
    },

    async onTokenSync({ token, connection, documentName }) {
      const docId = docIdFromName(documentName);
      const check = docId ? verifyCollabToken(token, docId, options.secret) : null;
      if (!check?.ok) throw new Error("token refresh refused");
      const ctx = connection.context;
      if (check.claims.subject.kind !== ctx.subject.kind || check.claims.subject.id !== ctx.subject.id)
        throw new Error("token is for someone else");
    },

    async beforeHandleMessage({ connection, update }) {
      const ctx = (connection as Connection<CollabContext>).context;
      if (ctx?.limiter && !ctx.limiter.take(update.byteLength)) {
        const error = new Error("Too many changes too fast; reconnecting.") as Error & { code: number; reason: string };
        error.code = 4429;
        error.reason = "rate limited";
        throw error;
      }
    },

    async onLoadDocument({ document, documentName }) {
      const docId = docIdFromName(documentName);
      if (!docId) throw new Error("not a doc");
      const { state, sections } = await loadLiveDoc(docId);
      if (state) Y.applyUpdate(document, state, SERVER_ORIGIN);
      // The sections are the record: a state that is behind them (written while no live doc was open, or a
      // store that failed halfway) takes them in; an empty doc is seeded. Never the other way round.
      // Seeding writes as a client id derived from what was loaded: two processes that load the same doc at once
      // write the very same items, which Yjs merges into one (with random ids the text would appear twice).
      const known = new Map<string, number>();
      const stored = new Map<string, { hash: string; version: number }>();
      let took = false;
      const ahead: string[] = [];
      withClientId(document, seedClientId(docId, state, sections), () => {
        for (const section of sections) {
          known.set(section.key, section.version);
          let current;
          try {
            current = document.getXmlFragment(section.key).length ? fragmentContent(document, section.key) : null;
          } catch {
            current = null;
          }
          const wanted = normalise(section.content as never);
          // What the database holds: a store of the section as it is now would write nothing (see LiveState).
          const holds = (content: JSONContent | null): boolean => {
            if (!content || !sameContent(content, wanted)) return false;
            stored.set(section.key, { hash: contentHash(content), version: section.version });
            return true;
          };
          if (holds(current)) continue;
          // Written last by a live doc: the stored state holds it (it is stored first) and may be ahead of it (a
          // store cut short): keep the state, and store the section from it.
          if (current && section.fromLiveDoc) {
            ahead.push(section.key);
            continue;
          }
          applyOutsideContent(document, section.key, section.content, SERVER_ORIGIN);
          took = true;
          try {
            holds(fragmentContent(document, section.key));
          } catch {
            // Not recorded: its first store goes through the pipeline, which decides.
          }
        }
      });
      // INVARIANT: what a page may keep of this doc (its offline copy, a tab that reconnects) was made on top of
      // a stored state: a seed is stored at once, so a later load starts from it rather than seeding again.
      const stateVector = (update: Uint8Array) =>
        Object.fromEntries(Y.decodeStateVector(Y.encodeStateVectorFromUpdate(update)));
      let durable: Record<string, number> = state ? stateVector(state) : {};
      let stateStored = !!state && !took;
      if (took) {
        const seeded = Y.encodeStateAsUpdate(document);
        await storeState(docId, seeded).then(
          () => ((durable = stateVector(seeded)), (stateStored = true)),
          (error) => logError("collab: storing the seeded doc state failed", error, { docId }),
        );
      }
      const liveState: LiveState = {
        docId,
        dirty: new Map(ahead.map((key) => [key, new Set<string>()])),
        remoteOnly: new Map(),
        known,
        storing: Promise.resolve(),
        gone: false,
        durable,
        generation: 0,
        storedGeneration: stateStored ? 0 : -1,
        stored,
      };
      live.set(documentName, liveState);
      // From here on, whatever changes the doc (typing, Redis, outside writes) makes its state worth storing again.
      document.on("update", () => liveState.generation++);
    },

    async afterLoadDocument({ document, documentName }) {
      const state = live.get(documentName);
      if (!state) return;
      document.on("afterTransaction", (transaction: Y.Transaction) => {
        const origin = transaction.origin as { source?: string; connection?: Connection<CollabContext> } | null;
        // Someone's typing (a connection, or another process through Redis): the sections it touched are dirty.
        if (!origin || origin === SERVER_ORIGIN || (origin.source === "local" && !origin.connection)) return;
        if (state.gone) return;
        const subject = origin.connection?.context?.subject;
        const remote = origin.source === "redis";
        for (const key of changedKeys(transaction)) {
          if (remote && !state.dirty.has(key)) state.remoteOnly.set(key, performance.now());
          if (!remote) state.remoteOnly.delete(key);
          const authors = state.dirty.get(key) ?? new Set<string>();
          if (subject?.kind === "user" && !authors.has(subject.id)) {
            authors.add(subject.id);
            options.authors?.add(state.docId, key, subject.id);
          }
          state.dirty.set(key, authors);
        }
      });
    },

    async onStoreDocument({ document, documentName }) {
      const state = live.get(documentName);
      if (!state) return;
      const run = storeGate(() => store(document));
      state.storing = run.catch(() => undefined);
      await run;
    },

    // Someone left (a reload, a closed tab): store what they typed now rather than after the debounce, so the page
    // they open next is rendered from it.
    async onDisconnect({ document, documentName }) {
      const state = live.get(documentName);
      if (!state || state.dirty.size === 0 || document.getConnectionsCount() === 0) return;
      const run = state.storing.then(() => storeGate(() => store(document)));
      state.storing = run.catch(() => undefined);
      await run.catch((error) => logError("collab: store on leave failed", error, { docId: state.docId }));
    },

    async afterUnloadDocument({ documentName }) {
      live.delete(documentName);
    },

    // A page asks what the database holds of the doc (after a reconnect, with edits kept on its device): answered
    // after every message it sent before, so whatever it sent is in the doc here (stored or about to be).
    async onStateless({ connection, documentName, payload }) {
      if (payload.length > 100 || !payload.includes('"durable?"')) return;
      const state = live.get(documentName);
      if (state) connection.sendStateless(JSON.stringify({ type: "durable", clocks: state.durable }));
    },

    async onRequest({ request, response }) {
      if (!(await metricsRequest(request, response, metrics, options.metricsToken))) return;
      // Answered: an empty rejection stops Hocuspocus's default answer ("Welcome to Hocuspocus!").
      return Promise.reject(undefined);
    },
  });
  Object.assign(server, { metrics });
  const connectionsGauge = metrics.collabConnections as unknown as { collect?: () => void };
  connectionsGauge.collect = () => {
    metrics.collabConnections.set(server.hocuspocus.getConnectionsCount());
    metrics.collabDocs.set(server.hocuspocus.getDocumentsCount());
  };

  let stopListening: (() => Promise<void>) | null = null;
  let timer: NodeJS.Timeout | null = null;
  let sweeper: NodeJS.Timeout | null = null;
  let rechecking = false;
  let recheckOwed = false;
  // One pass at a time: with many open docs (or a slow database) a pass can outlast the interval, and passes piling
  // up would each ask the database again for every connection. One asked for meanwhile runs once this one is done.
  const recheckAll = () => {
    if (rechecking) return void (recheckOwed = true);
    rechecking = true;
    recheck()
      .catch((error) => logError("collab: access recheck failed", error))
      .finally(() => {
        rechecking = false;
        if (recheckOwed) {
          recheckOwed = false;
          recheckAll();
        }
      });
  };
  const originalListen = server.listen.bind(server);
  server.listen = async (...args: Parameters<typeof server.listen>) => {
    const instance = await originalListen(...args);
    stopListening = await listenForSectionChanges(
      (change) => {
        takeOutsideChange(change).catch((error) => logError("collab: outside write not merged", error, change));
      },
      (docId) => {
        announceChanged(docId);
        // A lock or an archive turns its editors read-only now, not at the next round (typing in between is
        // refused by the store and taken back).
        recheck(docId).catch((error) => logError("collab: access recheck failed", error, { docId }));
      },
      (userId) => announceInbox(userId),
      // A removal, a lowered role or a revoked link: asked again now, not at the next round.
      recheckAll,
    );
    timer = setInterval(() => {
      if (!rechecking) recheckAll();
    }, options.recheckMs ?? 2_000);
    timer.unref();
    sweeper = setInterval(sweep, options.sweepMs ?? 1_000);
    sweeper.unref();
    return instance;
  };
  const originalDestroy = server.destroy.bind(server);
  server.destroy = async () => {
    if (timer) clearInterval(timer);
    if (sweeper) clearInterval(sweeper);
    await stopListening?.();
    await originalDestroy();
  };
  return server as Server<CollabContext> & { metrics: CollabMetrics };
}
