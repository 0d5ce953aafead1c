"use client";

import { useSyncExternalStore } from "react";
import type { ActionResult } from "@/lib/action";
import type { MentionCandidateDTO, ThreadDTO, ThreadListDTO } from "@/lib/comments/dto";
import type { ThreadFilter } from "@/lib/comments/limits";
import type { TCommentBody, TCreateThread, TThreadState } from "@/lib/comments/schemas";

/**
 * The doc's comment threads in the browser: loaded once after hydration (one call for
 * the whole doc, never per section, and nothing in the section props), shared by the
 * per-section lists, the right column, the selection button and the review panel's
 * "blocked by" note. Members and guests differ only in the transport.
 */
export type CommentsTransport = {
  list: () => Promise<ActionResult<ThreadListDTO>>;
  create: (input: TCreateThread) => Promise<ActionResult<{ threadId: string }>>;
  reply: (threadId: string, input: TCommentBody) => Promise<ActionResult<unknown>>;
  edit?: (commentId: string, input: TCommentBody) => Promise<ActionResult<unknown>>;
  remove?: (commentId: string) => Promise<ActionResult<unknown>>;
  setState?: (threadId: string, input: TThreadState) => Promise<ActionResult<unknown>>;
  mentions?: (query: string) => Promise<ActionResult<MentionCandidateDTO[]>>;
};

export type Composer = {
  sectionKey: string;
  anchor: { offset: number; quote: string } | null;
  rect: { top: number; left: number; bottom: number } | null;
};

type State = {
  transport: CommentsTransport | null;
  sections: { key: string; title: string }[];
  data: ThreadListDTO | null;
  error: string | null;
  filter: ThreadFilter;
  activeId: string | null;
  composer: Composer | null;
};

let state: State = {
  transport: null,
  sections: [],
  data: null,
  error: null,
  filter: "open",
  activeId: null,
  composer: null,
};
const listeners = new Set<() => void>();

function set(patch: Partial<State>) {
  state = { ...state, ...patch };
  listeners.forEach((l) => l());
}

const subscribe = (l: () => void) => {
  listeners.add(l);
  return () => void listeners.delete(l);
};

const SERVER_STATE: State = {
  transport: null,
  sections: [],
  data: null,
  error: null,
  filter: "open",
  activeId: null,
  composer: null,
};

export function useComments(): State {
  return useSyncExternalStore(
    subscribe,
    () => state,
    () => SERVER_STATE,
  );
}

export const comments = {
  start(transport: CommentsTransport, sections: State["sections"]) {
    set({ transport, sections, data: null, error: null, activeId: null, composer: null });
    void comments.reload();
  },
  stop() {
    set({ transport: null, data: null, composer: null, activeId: null });
  },
  async reload() {
    const t = state.transport;
    if (!t) return;
    const result = await t.list();
    if (state.transport !== t) return;
    if (result.ok) set({ data: result.data, error: null });
    else set({ error: result.message });
  },
  get transport() {
    return state.transport;
  },
  setFilter(filter: ThreadFilter) {
    set({ filter });
  },
  activate(id: string | null) {
    set({ activeId: id });
  },
  openComposer(composer: Composer | null) {
    set({ composer });
  },
};

export function visibleThreads(threads: ThreadDTO[], filter: ThreadFilter): ThreadDTO[] {
  switch (filter) {
    case "open":
      return threads.filter((t) => !t.resolvedAt);
    case "resolved":
      return threads.filter((t) => !!t.resolvedAt);
    case "mine":
      return threads.filter((t) => t.mine);
    default:
      return threads;
  }
}

export const openBlocking = (threads: ThreadDTO[]) => threads.filter((t) => t.blocking && !t.resolvedAt);
