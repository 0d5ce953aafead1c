import type * as Y from "yjs";
import type { CollabSession } from "./session";

/*
 * What the page does with its live session once it has one: fetch the page's server data again when the server says
 * something changed (live-doc.tsx), and keep each read view following its section (use-live-html.ts). Both only ever
 * run with a session, so their code is the session's (CollabSession's `followRefreshes`, `followSection`): it comes
 * with the session's chunk after hydration, not with the page's own scripts.
 */

/** The least time between two fetches of the page's data when the server keeps saying something changed. */
const REFRESH_GAP_MS = 2_000;
/**
 * The same after a store that changed nothing else the page shows. A store's event carries what it changed
 * (stamps, "Saved", the revision: section-block.tsx), and the read views follow the live doc; the page's data still
 * holds the sections' versions (a verdict binds to them), fetched again this often while people keep typing. Each
 * fetch takes the main thread for a while (tens of ms): with many people typing, one every 2 s delayed the page's own
 * editor (bench/collab-keystroke.mjs).
 */
const STORED_REFRESH_GAP_MS = 10_000;

/**
 * Calls `refresh` (router.refresh) when the server says something on the page changed: a verdict, a comment, a
 * status, a notification, a store. Returns the function that stops it.
 */
export function followRefreshes(session: CollabSession, refresh: () => void): () => void {
  let timer: ReturnType<typeof setTimeout> | null = null;
  let owed = false;
  // Only while the network is there: no request that cannot succeed. One the network cuts off midway waits for it
  // and is sent again (next.config.ts `useOffline`; without it Next loaded the page anew: the browser's error page).
  let last = -Infinity;
  let due = Infinity;
  const run = () => {
    timer = null;
    due = Infinity;
    // Access ended (the doc deleted, this person removed): the page says why; fetched again it would say less.
    if (session.getStatus().access === "none") return;
    if (!navigator.onLine || !session.getStatus().connected) return void (owed = true);
    owed = false;
    last = performance.now();
    refresh();
  };
  const off = session.onEvent((event) => {
    // "changed": a verdict (an approval gone stale too), a comment, the status, a lock; "stored": section content
    // (`refresh` when a section became written or empty: the outline's count); "inbox": a notification for this
    // person (the header's badge).
    if (event.type !== "changed" && event.type !== "stored" && event.type !== "inbox") return;
    // Several changes in a moment (a verdict and its notifications) make one refresh, and a doc many people type
    // in (a store every few seconds) at most one per REFRESH_GAP_MS: each takes the page's main thread a while.
    const gap = event.type === "stored" && event.refresh !== true ? STORED_REFRESH_GAP_MS : REFRESH_GAP_MS;
    const at = Math.max(performance.now() + 150, last + gap);
    if (at >= due) return;
    if (timer) clearTimeout(timer);
    due = at;
    timer = setTimeout(run, at - performance.now());
  });
  // A refresh held back while offline happens once the live channel is back (what changed meanwhile included).
  const offStatus = session.subscribe(() => {
    if (!owed || !navigator.onLine || !session.getStatus().connected) return;
    if (timer) clearTimeout(timer);
    run();
  });
  return () => {
    off();
    offStatus();
    if (timer) clearTimeout(timer);
  };
}

export type LiveHtml = { html: string; isEmpty: boolean; blocks?: string[] };

/** The text of a fragment (all its text nodes in order), to tell whether the server's HTML still says the same. */
function fragmentText(fragment: Y.XmlFragment): string {
  let out = "";
  const walk = (node: Y.XmlElement | Y.XmlText | Y.XmlFragment | Y.XmlHook) => {
    if ("toDelta" in node && typeof (node as Y.XmlText).toDelta === "function" && !("nodeName" in node)) {
      for (const op of (node as Y.XmlText).toDelta() as { insert?: unknown }[])
        if (typeof op.insert === "string") out += op.insert;
      return;
    }
    if ("toArray" in node) for (const child of (node as Y.XmlFragment).toArray()) walk(child);
  };
  walk(fragment);
  return out;
}

const squash = (s: string) => s.replace(/\s+/g, "");

/** How often a read view on screen follows a section that keeps changing (a person reads, nobody sees 100 ms). */
const RENDER_EVERY_MS = 100;
/**
 * How often one off screen does. Turning a section into HTML and putting it in the page takes the main thread, and
 * with 50 people typing in a doc's sections every read view doing it ten times a second delayed the page's own
 * editor (keystroke → other browser p95 128 ms, bench/collab-keystroke.mjs). Off screen it is still kept close
 * (the browser's find-in-page, a scroll), in the browser's idle time.
 */
const OFF_SCREEN_EVERY_MS = 2_000;

export type SectionFollower = {
  /** Whether this page's editor shows the section (then nothing is rendered until it does not). */
  paused: () => boolean;
  /** The section's HTML from the live fragment. */
  show: (live: LiveHtml) => void;
  /** Receives what to run when the editor stops showing the section (the latest, if it changed meanwhile). */
  onResume: (resume: () => void) => void;
};

/** Keeps one read view following its section's fragment (use-live-html.ts). Returns the function that stops it. */
export function followSection(
  session: CollabSession,
  key: string,
  serverHtml: string,
  view: HTMLElement | null,
  follower: SectionFollower,
): () => void {
  const fragment = session.doc.getXmlFragment(key);
  let cancelled = false;
  let first = true;
  const render = () => {
    // After the first sync: only when the text differs from the server's (else nothing to follow yet).
    if (first) {
      first = false;
      const shown = new DOMParser().parseFromString(serverHtml, "text/html").body.textContent ?? "";
      if (squash(shown) === squash(fragmentText(fragment))) return;
    }
    import("./render-fragment").then(({ renderFragment }) => {
      if (!cancelled) follower.show(renderFragment(fragment));
    });
  };
  // One render per burst: every keystroke (this page's own while it edits the section, or 50 writers' at once)
  // would otherwise turn the whole section into HTML again, keystroke by keystroke.
  let onScreen = true;
  let stale = false;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let idle: number | null = null;
  const cancelScheduled = () => {
    if (timer) clearTimeout(timer);
    if (idle !== null) cancelIdleCallback(idle);
    timer = null;
    idle = null;
  };
  const renderNow = () => {
    cancelScheduled();
    stale = false;
    render();
  };
  const schedule = () => {
    stale = true;
    if (follower.paused() || timer || idle !== null) return;
    if (onScreen) timer = setTimeout(renderNow, RENDER_EVERY_MS);
    else
      timer = setTimeout(() => {
        timer = null;
        idle = requestIdleCallback(renderNow, { timeout: OFF_SCREEN_EVERY_MS });
      }, OFF_SCREEN_EVERY_MS);
  };
  const seen = new IntersectionObserver(
    ([entry]) => {
      if (!entry) return;
      onScreen = entry.isIntersecting;
      // Scrolled to: what changed while it was away, at once.
      if (onScreen && stale && !follower.paused()) renderNow();
    },
    { rootMargin: "300px 0px" },
  );
  if (view) seen.observe(view);
  fragment.observeDeep(schedule);
  follower.onResume(() => {
    if (stale) renderNow();
  });
  if (fragment.length > 0) {
    if (follower.paused()) stale = true;
    else render();
  }
  return () => {
    cancelled = true;
    follower.onResume(() => {});
    cancelScheduled();
    seen.disconnect();
    fragment.unobserveDeep(schedule);
  };
}
