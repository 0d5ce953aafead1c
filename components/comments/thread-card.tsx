"use client";

import { Ban, CheckCircle2, MessageSquareText, RotateCcw, Trash2, Pencil } from "lucide-react";
import { useState } from "react";
import { RelativeTime } from "@/components/docs/relative-time";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import type { ActionResult } from "@/lib/action";
import type { CommentDTO, ThreadDTO } from "@/lib/comments/dto";
import { CommentForm } from "./lazy-comment-form";
import { comments, useComments } from "./comments-store";

async function run(p: Promise<ActionResult<unknown>> | undefined): Promise<ActionResult<unknown>> {
  const result = (await p) ?? { ok: false as const, code: "FORBIDDEN" as const, message: "Not allowed here." };
  if (result.ok) await comments.reload();
  return result;
}

function Comment({ c, threadId }: { c: CommentDTO; threadId: string }) {
  const [editing, setEditing] = useState(false);
  const t = comments.transport;
  if (c.deleted) {
    return (
      <p className="text-sm text-slate-500 italic" data-testid="comment">
        Comment deleted
      </p>
    );
  }
  return (
    <div className="group grid gap-1" data-testid="comment">
      <div className="flex flex-wrap items-center gap-x-2 gap-y-0.5 text-xs text-slate-600">
        <span className="font-semibold text-slate-900">{c.author.name}</span>
        {c.author.guest && <Badge className="px-1.5 py-0">guest</Badge>}
        <RelativeTime iso={c.createdAt} />
        {c.editedAt && <span>(edited)</span>}
        {c.mine && !editing && t?.edit && (
          <span className="ml-auto flex gap-1 opacity-70 group-hover:opacity-100">
            <button
              type="button"
              className="rounded p-0.5 hover:bg-slate-100"
              aria-label="Edit comment"
              onClick={() => setEditing(true)}
            >
              <Pencil aria-hidden="true" className="size-3.5" />
            </button>
            <button
              type="button"
              className="rounded p-0.5 hover:bg-slate-100"
              aria-label="Delete comment"
              onClick={() => confirm("Delete this comment? The thread keeps its place.") && void run(t.remove?.(c.id))}
            >
              <Trash2 aria-hidden="true" className="size-3.5" />
            </button>
          </span>
        )}
      </div>
      {editing ? (
        <CommentForm
          label="Edit comment"
          submitLabel="Save"
          initial={c.body as never}
          autoFocus
          onCancel={() => setEditing(false)}
          onSubmit={async (v) => {
            const result = await run(t?.edit?.(c.id, { body: v.body }));
            if (result.ok) setEditing(false);
            return result;
          }}
        />
      ) : (
        <div
          className="comment-body text-sm leading-6 text-slate-800"
          data-thread={threadId}
          dangerouslySetInnerHTML={{ __html: c.html ?? "" }}
        />
      )}
    </div>
  );
}

/** One thread: where it is, its comments, reply, resolve/reopen and blocking. Clicking it highlights its words. */
export function ThreadCard({ thread, sectionTitle }: { thread: ThreadDTO; sectionTitle?: string }) {
  const { data, activeId } = useComments();
  const me = data?.me;
  const [replying, setReplying] = useState(false);
  const t = comments.transport;
  const active = activeId === thread.id;
  const resolved = !!thread.resolvedAt;
  // The words the comment was written on stay; when they were edited since, the thread says so and shows them now.
  const written = thread.originalQuote ?? thread.quote;
  const changed = thread.anchor === "TEXT" && !!thread.quote && !!written && thread.quote !== written;
  const clip = (text: string) => (text.length > 160 ? `${text.slice(0, 160)}…` : text);
  return (
    <article
      id={`thread-${thread.id}`}
      data-testid="thread"
      data-thread-id={thread.id}
      aria-label={"Thread" + (written ? ` on “${written.slice(0, 60)}”` : ` on ${sectionTitle ?? "the section"}`)}
      className={cn(
        "grid scroll-mt-24 gap-3 rounded-lg border bg-white p-3 shadow-xs transition-colors",
        active ? "border-amber-400 ring-2 ring-amber-200" : "border-slate-200",
        resolved && "bg-slate-50",
        thread.blocking && !resolved && "border-l-4 border-l-red-600",
      )}
      onClick={() => comments.activate(thread.id)}
    >
      <div className="flex flex-wrap items-center gap-1.5 text-xs">
        {sectionTitle && <span className="font-medium text-slate-700">{sectionTitle}</span>}
        {thread.blocking && !resolved && (
          <Badge variant="danger">
            <Ban aria-hidden="true" /> Blocking
          </Badge>
        )}
        {resolved && (
          <Badge variant="success">
            <CheckCircle2 aria-hidden="true" /> Resolved
          </Badge>
        )}
        {thread.anchor === "REMOVED" && <Badge variant="warning">Text removed</Badge>}
        {thread.anchor === "SECTION" && (
          <span className="inline-flex items-center gap-1 text-slate-500">
            <MessageSquareText aria-hidden="true" className="size-3.5" /> On the section
          </span>
        )}
      </div>
      {written && (
        <blockquote
          data-testid="thread-quote"
          className={cn(
            "border-l-2 pl-2 text-sm text-slate-700",
            thread.anchor === "REMOVED" ? "border-slate-300 line-through decoration-slate-400" : "border-amber-400",
            changed && "border-slate-300 text-slate-600",
          )}
        >
          {clip(written)}
        </blockquote>
      )}
      {changed && (
        <p data-testid="quote-changed" className="grid gap-0.5 text-xs text-slate-600">
          <span>
            <Badge variant="warning">Text changed</Badge> since this comment; it now reads:
          </span>
          <q className="border-l-2 border-amber-400 pl-2 text-sm text-slate-800">{clip(thread.quote!)}</q>
        </p>
      )}
      <div className="grid gap-3">
        {thread.comments.map((c) => (
          <Comment key={c.id} c={c} threadId={thread.id} />
        ))}
      </div>
      {resolved && thread.resolvedBy && (
        <p className="text-xs text-slate-600">
          Resolved by {thread.resolvedBy.name} <RelativeTime iso={thread.resolvedAt!} />
        </p>
      )}
      {!resolved && thread.reopenedBy && thread.reopenedAt && (
        <p className="text-xs text-slate-600">
          Reopened by {thread.reopenedBy.name} <RelativeTime iso={thread.reopenedAt} />
        </p>
      )}
      {me?.canComment &&
        (replying ? (
          <CommentForm
            label="Reply"
            submitLabel="Reply"
            autoFocus
            onCancel={() => setReplying(false)}
            onSubmit={async (v) => {
              const result = await run(t?.reply(thread.id, { body: v.body, guestName: v.guestName }));
              if (result.ok) setReplying(false);
              return result;
            }}
          />
        ) : (
          <div className="flex flex-wrap gap-1.5">
            <Button variant="secondary" size="sm" onClick={() => setReplying(true)}>
              Reply
            </Button>
            {me.canResolve && (
              <Button
                variant="ghost"
                size="sm"
                onClick={() => void run(t?.setState?.(thread.id, { resolved: !resolved }))}
              >
                {resolved ? <RotateCcw aria-hidden="true" /> : <CheckCircle2 aria-hidden="true" />}
                {resolved ? "Reopen" : "Resolve"}
              </Button>
            )}
            {me.canMarkBlocking && !resolved && (
              <Button
                variant="ghost"
                size="sm"
                onClick={() => void run(t?.setState?.(thread.id, { blocking: !thread.blocking }))}
              >
                <Ban aria-hidden="true" />
                {thread.blocking ? "Not blocking" : "Mark blocking"}
              </Button>
            )}
          </div>
        ))}
    </article>
  );
}
