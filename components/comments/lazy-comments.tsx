"use client";

import { useEffect, useSyncExternalStore, type ComponentProps } from "react";
import {
  createThreadAction,
  deleteCommentAction,
  editCommentAction,
  listMentionCandidatesAction,
  listThreadsAction,
  replyToThreadAction,
  setThreadStateAction,
} from "@/app/(app)/docs/[slug]/comment-actions";
import { createGuestThreadAction, guestReplyAction, listSharedThreadsAction } from "@/app/s/[token]/comment-actions";
import { comments, type CommentsTransport } from "./comments-store";

/*
 * Comment threads, their lists, the composer and the review panel's "blocked by" note
 * render nothing until the doc's threads arrive after hydration, so their code (~6 KB
 * gzip) is not in the page's first JavaScript: the wrapper below starts loading the
 * threads and that code at the same moment, and each part appears once both are here.
 */
type UI = typeof import("./comments-ui");

let loading: Promise<UI> | null = null;
let loaded: UI | null = null;
const listeners = new Set<() => void>();

function loadUI(): void {
  loading ??= import("./comments-ui").then(
    (ui) => {
      loaded = ui;
      listeners.forEach((l) => l());
      return ui;
    },
    (error: unknown) => {
      loading = null; // the next page start tries the network again
      throw error;
    },
  );
  loading.catch(() => {});
}

const subscribe = (l: () => void) => {
  listeners.add(l);
  return () => void listeners.delete(l);
};

function useUI(): UI | null {
  return useSyncExternalStore(subscribe, () => loaded, () => null);
}

export type CommentsMode = { kind: "member"; docId: string } | { kind: "guest"; token: string };

function transportFor(mode: CommentsMode): CommentsTransport {
  if (mode.kind === "guest") {
    return {
      list: () => listSharedThreadsAction(mode.token),
      create: (input) => createGuestThreadAction(mode.token, input),
      reply: (threadId, input) => guestReplyAction(mode.token, threadId, input),
    };
  }
  const id = mode.docId;
  return {
    list: () => listThreadsAction(id),
    create: (input) => createThreadAction(id, input),
    reply: (threadId, input) => replyToThreadAction(id, threadId, input),
    edit: (commentId, input) => editCommentAction(id, commentId, input),
    remove: (commentId) => deleteCommentAction(id, commentId),
    setState: (threadId, input) => setThreadStateAction(id, threadId, input),
    mentions: (q) => listMentionCandidatesAction(id, q),
  };
}

/** Loads the doc's threads once after hydration (one call for the doc), and the comment UI with them. */
export function CommentsRoot({ mode, sections }: { mode: CommentsMode; sections: { key: string; title: string }[] }) {
  const modeKey = mode.kind === "guest" ? `g:${mode.token}` : `m:${mode.docId}`;
  useEffect(() => {
    comments.start(transportFor(mode), sections);
    loadUI();
    return () => comments.stop();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- one start per doc/link
  }, [modeKey]);
  const ui = useUI();
  return ui ? <ui.CommentsRoot sections={sections} /> : null;
}

export function SectionThreads(props: ComponentProps<UI["SectionThreads"]>) {
  const ui = useUI();
  return ui ? <ui.SectionThreads {...props} /> : null;
}

export function CommentsColumn() {
  const ui = useUI();
  return ui ? <ui.CommentsColumn /> : null;
}

export function BlockingNotice(props: ComponentProps<UI["BlockingNotice"]>) {
  const ui = useUI();
  return ui ? <ui.BlockingNotice {...props} /> : null;
}
