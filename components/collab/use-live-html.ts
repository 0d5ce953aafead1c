"use client";

import { useEffect, useRef, useState, type RefObject } from "react";
import type * as Y from "yjs";
import type { CollabSession } from "./session";

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

/**
 * A read view that follows its section live: when someone else changes the section
 * (or the server's HTML was rendered before the last keystrokes were stored, as on a
 * reload right after typing), the HTML comes from the live fragment. Null while the
 * server's HTML is current. `view` is the section's element (on screen or not); while
 * `paused` (this page's editor shows the section instead) nothing is rendered, and
 * the latest is rendered once it is not.
 */
export function useLiveHtml(
  session: CollabSession | null,
  key: string,
  serverHtml: string,
  view: RefObject<HTMLElement | null>,
  paused: boolean,
): LiveHtml | null {
  const [live, setLive] = useState<LiveHtml | null>(null);
  const pausedRef = useRef(paused);
  const resume = useRef<() => void>(() => {});
  useEffect(() => {
    pausedRef.current = paused;
    if (!paused) resume.current();
  }, [paused]);

  useEffect(() => {
    if (!session) return;
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
        if (!cancelled) setLive(renderFragment(fragment));
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
      if (pausedRef.current || timer || idle !== null) return;
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
        if (onScreen && stale && !pausedRef.current) renderNow();
      },
      { rootMargin: "300px 0px" },
    );
    if (view.current) seen.observe(view.current);
    fragment.observeDeep(schedule);
    resume.current = () => {
      if (stale) renderNow();
    };
    if (fragment.length > 0) {
      if (pausedRef.current) stale = true;
      else render();
    }
    return () => {
      cancelled = true;
      resume.current = () => {};
      cancelScheduled();
      seen.disconnect();
      fragment.unobserveDeep(schedule);
    };
  }, [session, key, serverHtml, view]);

  return live;
}
