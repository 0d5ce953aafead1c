"use client";

import { useEffect, useSyncExternalStore, type ComponentProps } from "react";
import type * as MemberActions from "@/app/(app)/docs/[slug]/comment-actions";
import type * as GuestActions from "@/app/s/[token]/comment-actions";
import { useLiveSession } from "@/components/collab/live-doc";
import { comments, useComments, type CommentsTransport } from "./comments-store";

/*
 * Comment threads, their lists and the review panel's "blocked by" note render nothing
 * until the doc's threads arrive after hydration, so their code is not in the page's
 * first JavaScript: the wrapper below starts loading the threads and that code at the
 * same moment, and each part appears once both are here.
 *
 * The selection's "Comment" button, the composer and the highlighting of anchored words
 * (comments-root.tsx, ~1.6 KB gzip) have nothing to do on a doc without threads until
 * someone selects text or asks to comment on a section: they load then (a comment needs
 * the network anyway), or at once when the doc has threads to highlight.
 */
type UI = typeof import("./comments-ui");
type RootUI = typeof import("./comments-root");

/** One lazily imported part: loaded once, shared by every component that shows it. */
function lazyPart<T>(load: () => Promise<T>) {
  let loading: Promise<T> | null = null;
  let loaded: T | null = null;
  const listeners = new Set<() => void>();
  const subscribe = (l: () => void) => {
    listeners.add(l);
    return () => void listeners.delete(l);
  };
  return {
    load(): void {
      loading ??= load().then(
        (part) => {
          loaded = part;
          listeners.forEach((l) => l());
          return part;
        },
        (error: unknown) => {
          loading = null; // the next ask tries the network again
          throw error;
        },
      );
      loading.catch(() => {});
    },
    useLoaded(): T | null {
      return useSyncExternalStore(
        subscribe,
        () => loaded,
        () => null,
      );
    },
  };
}

const uiPart = lazyPart<UI>(() => import("./comments-ui"));
const rootPart = lazyPart<RootUI>(() => import("./comments-root"));
const useUI = uiPart.useLoaded;

/**
 * The server actions the threads talk to, handed down by the server component that
 * renders the doc (components/docs/doc-sections.tsx), as `save` is: the page's
 * JavaScript then carries no action stubs for them. Members get the doc's actions,
 * a comment link's guests the link's.
 */
export type CommentsActions =
  | {
      kind: "member";
      docId: string;
      list: typeof MemberActions.listThreadsAction;
      create: typeof MemberActions.createThreadAction;
      reply: typeof MemberActions.replyToThreadAction;
      edit: typeof MemberActions.editCommentAction;
      remove: typeof MemberActions.deleteCommentAction;
      setState: typeof MemberActions.setThreadStateAction;
      mentions: typeof MemberActions.listMentionCandidatesAction;
    }
  | {
      kind: "guest";
      token: string;
      list: typeof GuestActions.listSharedThreadsAction;
      create: typeof GuestActions.createGuestThreadAction;
      reply: typeof GuestActions.guestReplyAction;
    };

function transportFor(actions: CommentsActions): CommentsTransport {
  if (actions.kind === "guest") {
    const { token } = actions;
    return {
      list: () => actions.list(token),
      create: (input) => actions.create(token, input),
      reply: (threadId, input) => actions.reply(token, threadId, input),
    };
  }
  const id = actions.docId;
  return {
    list: () => actions.list(id),
    create: (input) => actions.create(id, input),
    reply: (threadId, input) => actions.reply(id, threadId, input),
    edit: (commentId, input) => actions.edit(id, commentId, input),
    remove: (commentId) => actions.remove(id, commentId),
    setState: (threadId, input) => actions.setState(id, threadId, input),
    mentions: (q) => actions.mentions(id, q),
  };
}

/** Loads the doc's threads once after hydration (one call for the doc), and the comment UI with them. */
export function CommentsRoot({
  actions,
  sections,
}: {
  actions: CommentsActions;
  sections: { key: string; title: string }[];
}) {
  const modeKey = actions.kind === "guest" ? `g:${actions.token}` : `m:${actions.docId}`;
  useEffect(() => {
    comments.start(transportFor(actions), sections);
    uiPart.load();
    return () => comments.stop();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- one start per doc/link
  }, [modeKey]);
  // Live: a thread started, answered or resolved on another page shows here without a reload.
  const session = useLiveSession();
  useEffect(() => {
    if (!session) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const off = session.onEvent((event) => {
      if (event.type !== "changed") return;
      clearTimeout(timer);
      timer = setTimeout(() => void comments.reload(), 150);
    });
    return () => {
      off();
      clearTimeout(timer);
    };
  }, [session]);
  const { data, composer } = useComments();
  const canComment = !!data?.me.canComment;
  const needed = !!composer || (data?.threads.length ?? 0) > 0;
  useEffect(() => {
    if (needed) rootPart.load();
  }, [needed]);
  useEffect(() => {
    if (!canComment) return;
    const onChange = () => {
      const selection = window.getSelection();
      if (selection && !selection.isCollapsed) rootPart.load();
    };
    document.addEventListener("selectionchange", onChange);
    onChange(); // text selected while the threads were loading
    return () => document.removeEventListener("selectionchange", onChange);
  }, [canComment]);
  const root = rootPart.useLoaded();
  return root ? <root.CommentsRoot sections={sections} /> : null;
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
