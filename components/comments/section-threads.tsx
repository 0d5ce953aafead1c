"use client";

import { MessageSquarePlus } from "lucide-react";
import { useLiveSession, useSessionStatusOf } from "@/components/collab/live-doc";
import type { SessionStatus } from "@/components/collab/session";
import { Button } from "@/components/ui/button";
import { comments, useComments, visibleThreads } from "./comments-store";
import { ThreadFilters, ThreadList } from "./thread-list";
import { useWide } from "./use-wide";

const accessOf = (status: SessionStatus) => status.access;

/**
 * Under each section: "Comment on section", and on narrow screens (or a shared page,
 * which has no right column) the section's threads. On wide doc pages the threads
 * live in the right column (CommentsColumn) instead.
 */
export function SectionThreads({
  sectionKey,
  title,
  inline = false,
}: {
  sectionKey: string;
  title: string;
  inline?: boolean;
}) {
  const { data, filter } = useComments();
  const wide = useWide();
  // Access ended while the page is open (a revoked link, a removal): the page says so, and offers no comment.
  const access = useSessionStatusOf(useLiveSession(), accessOf);
  if (!data) return null;
  const all = data.threads.filter((t) => t.sectionKey === sectionKey);
  const showList = (inline || !wide) && all.length > 0;
  const shown = visibleThreads(all, filter);
  const canComment = data.me.canComment && access !== "none";
  if (!canComment && !showList) return null;
  return (
    <div className="-mt-6 grid gap-3" data-testid="section-threads" data-section={sectionKey}>
      <div className="flex flex-wrap items-center gap-2">
        {canComment && (
          <Button
            variant="ghost"
            size="sm"
            className="text-slate-600"
            aria-label={`Comment on section ${title}`}
            onClick={(e) => {
              const r = e.currentTarget.getBoundingClientRect();
              comments.openComposer({ sectionKey, anchor: null, rect: { top: r.top, left: r.left, bottom: r.bottom } });
            }}
          >
            <MessageSquarePlus aria-hidden="true" /> Comment on section
          </Button>
        )}
        {showList && (
          <>
            <span className="text-xs text-slate-500">
              {all.filter((t) => !t.resolvedAt).length} open · {all.filter((t) => t.resolvedAt).length} resolved
            </span>
            <ThreadFilters className="ml-auto" />
          </>
        )}
      </div>
      {showList && shown.length > 0 && <ThreadList sectionKey={sectionKey} />}
    </div>
  );
}
