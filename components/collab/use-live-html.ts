"use client";

import { useEffect, useState } from "react";
import type * as Y from "yjs";
import type { CollabSession } from "./session";

export type LiveHtml = { html: string; isEmpty: boolean };

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

/** How often a read view follows a section that keeps changing (a person reads, nobody sees 100 ms). */
const RENDER_EVERY_MS = 100;

/**
 * A read view that follows its section live: when someone else changes the section
 * (or the server's HTML was rendered before the last keystrokes were stored, as on a
 * reload right after typing), the HTML comes from the live fragment. Null while the
 * server's HTML is current.
 */
export function useLiveHtml(session: CollabSession | null, key: string, serverHtml: string): LiveHtml | null {
  const [live, setLive] = useState<LiveHtml | null>(null);

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
    let timer: ReturnType<typeof setTimeout> | null = null;
    const onChange = () => {
      timer ??= setTimeout(() => {
        timer = null;
        render();
      }, RENDER_EVERY_MS);
    };
    fragment.observeDeep(onChange);
    if (fragment.length > 0) render();
    return () => {
      cancelled = true;
      if (timer) clearTimeout(timer);
      fragment.unobserveDeep(onChange);
    };
  }, [session, key, serverHtml]);

  return live;
}
