"use client";

import { useEffect, useRef, useState, type RefObject } from "react";
import type { LiveHtml } from "./live-follow";
import type { CollabSession } from "./session";

export type { LiveHtml };

/**
 * A read view that follows its section live: when someone else changes the section
 * (or the server's HTML was rendered before the last keystrokes were stored, as on a
 * reload right after typing), the HTML comes from the live fragment. Null while the
 * server's HTML is current. `view` is the section's element (on screen or not); while
 * `paused` (this page's editor shows the section instead) nothing is rendered, and
 * the latest is rendered once it is not. How it follows is the session's code
 * (live-follow.ts `followSection`): it comes with the session, after hydration.
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
    return session.followSection(key, serverHtml, view.current, {
      paused: () => pausedRef.current,
      show: setLive,
      onResume: (fn) => {
        resume.current = fn;
      },
    });
  }, [session, key, serverHtml, view]);

  return live;
}
