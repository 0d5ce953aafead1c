"use client";

import { useRouter } from "next/navigation";
import { createContext, useContext, useEffect, useState, useSyncExternalStore, type ReactNode } from "react";
import type { CollabSession, Presence, SessionStatus } from "./session";

const LiveDocContext = createContext<CollabSession | null>(null);

/** The page's live session for its doc, once connected (null before, and when live editing is off). */
export function useLiveSession(): CollabSession | null {
  return useContext(LiveDocContext);
}

// The session each doc's provider is connecting (null when it could not), for an editor asked for before it is up.
const pending = new Map<string, Promise<CollabSession | null>>();

/**
 * Whether a section opened now should be live: waits (at most `timeoutMs`) for the doc's
 * session to connect and sync; false when there is none, so the editor saves section by section.
 */
export async function liveSessionFor(docId: string, timeoutMs = 4_000): Promise<CollabSession | null> {
  const started = Date.now();
  const session = await Promise.race([
    pending.get(docId) ?? Promise.resolve(null),
    new Promise<null>((r) => setTimeout(() => r(null), timeoutMs)),
  ]);
  if (!session) return null;
  return (await session.whenSynced(Math.max(0, timeoutMs - (Date.now() - started)))) ? session : null;
}

const NO_STATUS: SessionStatus = {
  connected: false,
  synced: false,
  unsynced: 0,
  kept: 0,
  access: "read",
  message: "",
};
const NO_PRESENCE: Presence[] = [];
const noop = () => () => {};

export function useSessionStatus(session: CollabSession | null): SessionStatus {
  return useSyncExternalStore(session?.subscribe ?? noop, session?.getStatus ?? (() => NO_STATUS), () => NO_STATUS);
}

/**
 * One value of the live status (e.g. whether it is connected): the component re-renders when that value changes,
 * not on every change of the status (which moves with each keystroke while changes wait for the server).
 */
export function useSessionStatusOf<T extends string | number | boolean>(
  session: CollabSession | null,
  select: (status: SessionStatus) => T,
): T {
  return useSyncExternalStore(
    session?.subscribe ?? noop,
    () => select(session?.getStatus() ?? NO_STATUS),
    () => select(NO_STATUS),
  );
}

export function usePresence(session: CollabSession | null): Presence[] {
  return useSyncExternalStore(
    session?.subscribe ?? noop,
    session?.getPresence ?? (() => NO_PRESENCE),
    () => NO_PRESENCE,
  );
}

/**
 * Joins the doc's live channel after the page is up (the session's code is its own
 * chunk, fetched after hydration), for editors and readers alike: everyone sees
 * content, presence and the doc's state change without reloading. When the server
 * says something on the page changed (a verdict, a comment, a status), the page's
 * server data is fetched again (router.refresh), which keeps open editors as they are:
 * one small RSC request per page and change (the doc page cache answers most of them).
 */
export function LiveDocProvider({
  docId,
  ticketUrl,
  userId,
  children,
}: {
  docId: string;
  ticketUrl: string;
  userId: string | null;
  children: ReactNode;
}) {
  const [session, setSession] = useState<CollabSession | null>(null);
  const router = useRouter();

  useEffect(() => {
    let cancelled = false;
    let acquired: CollabSession | null = null;
    let release: ((key: string, s: CollabSession) => void) | null = null;
    const acquiring = import("./session").then(({ acquireSession, releaseSession }) => {
      release = releaseSession;
      return acquireSession(docId, ticketUrl, userId);
    });
    pending.set(
      docId,
      acquiring.catch(() => null),
    );
    acquiring.then(
      (s) => {
        acquired = s;
        if (cancelled) release?.(docId, s);
        else setSession(s);
      },
      () => {}, // no live channel (off, or unreachable): the page works as it is rendered
    );
    return () => {
      cancelled = true;
      if (acquired) release?.(docId, acquired);
    };
  }, [docId, ticketUrl, userId]);

  // When the server says something on the page changed, its data is fetched again (live-follow.ts says how often).
  useEffect(() => session?.followRefreshes(() => router.refresh()), [session, router]);

  return <LiveDocContext.Provider value={session}>{children}</LiveDocContext.Provider>;
}
