"use client";

import type { JSONContent } from "@tiptap/core";
import { lazy, Suspense, useCallback, useState } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import type { ActionResult } from "@/lib/action";
import { GUEST_NAME_MAX } from "@/lib/comments/limits";
import { comments, useComments } from "./comments-store";

// Tiptap loads when someone writes a comment, not with the doc page. (React.lazy, not
// next/dynamic: the comment UI only ever renders in the browser, and next/dynamic's own
// code would come with every doc page's comment column.)
const CommentEditor = lazy(() => import("./comment-editor").then((m) => ({ default: m.CommentEditor })));

const GUEST_NAME_KEY = "dr-guest-name";

export type CommentFormValues = { body: JSONContent; blocking: boolean; guestName?: string };

type Props = {
  label: string;
  submitLabel: string;
  initial?: JSONContent | null;
  /** New threads: offer "blocking" to reviewers. */
  offerBlocking?: boolean;
  onSubmit: (values: CommentFormValues) => Promise<ActionResult<unknown>>;
  onCancel?: () => void;
  autoFocus?: boolean;
};

/** Body editor, guest name (for share-link guests), blocking checkbox, and the server's refusal when there is one. */
export function CommentForm({ label, submitLabel, initial, offerBlocking, onSubmit, onCancel, autoFocus }: Props) {
  const { data } = useComments();
  const me = data?.me;
  const [body, setBody] = useState<{ doc: JSONContent; empty: boolean }>({
    doc: initial ?? { type: "doc", content: [{ type: "paragraph" }] },
    empty: !initial,
  });
  const [blocking, setBlocking] = useState(false);
  const [guestName, setGuestName] = useState(() =>
    typeof window === "undefined" ? "" : (localStorage.getItem(GUEST_NAME_KEY) ?? ""),
  );
  // A guest without a remembered name starts in the name field; the comment box, whose code arrives a moment later,
  // must not take the focus from under the name being typed (it did: the name landed in the comment).
  const [askName] = useState(() => guestName === "");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [key, setKey] = useState(0);
  const mentions = comments.transport?.mentions;
  const findPeople = useCallback(
    async (q: string) => {
      const result = await mentions?.(q);
      return result?.ok ? result.data : [];
    },
    [mentions],
  );

  const submit = async () => {
    if (busy) return;
    if (body.empty) return setError("Write something before sending.");
    setBusy(true);
    setError(null);
    const result = await onSubmit({ body: body.doc, blocking, guestName: me?.guest ? guestName : undefined });
    setBusy(false);
    if (!result.ok) return setError(result.message);
    if (me?.guest) localStorage.setItem(GUEST_NAME_KEY, guestName.trim());
    setBody({ doc: { type: "doc", content: [{ type: "paragraph" }] }, empty: true });
    setBlocking(false);
    setKey((k) => k + 1);
  };

  return (
    <form
      className="grid gap-2"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      {me?.guest && (
        <label className="grid gap-1 text-xs font-medium text-slate-700">
          Your name (shown with a guest badge)
          <Input
            value={guestName}
            maxLength={GUEST_NAME_MAX}
            onChange={(e) => setGuestName(e.target.value)}
            autoFocus={autoFocus && askName}
            autoComplete="name"
            required
          />
        </label>
      )}
      <Suspense fallback={<div className="h-16 animate-pulse rounded-md border border-slate-200 bg-slate-50" />}>
        <CommentEditor
          key={key}
          label={label}
          initial={initial}
          autoFocus={autoFocus && !(me?.guest && askName)}
          findPeople={me?.canMention && mentions ? findPeople : null}
          onChange={(doc, empty) => setBody({ doc, empty })}
          onSubmit={() => void submit()}
        />
      </Suspense>
      {error && (
        <p className="text-sm text-red-700" role="alert">
          {error}
        </p>
      )}
      <div className="flex flex-wrap items-center gap-2">
        {offerBlocking && me?.canMarkBlocking && (
          <label className="mr-auto inline-flex items-center gap-1.5 text-xs text-slate-700">
            <input
              type="checkbox"
              checked={blocking}
              onChange={(e) => setBlocking(e.target.checked)}
              className="size-4 accent-red-700"
            />
            Blocking: the doc cannot be approved until this is resolved
          </label>
        )}
        {onCancel && (
          <Button type="button" variant="ghost" size="sm" onClick={onCancel}>
            Cancel
          </Button>
        )}
        <Button type="submit" size="sm" loading={busy} className="ml-auto">
          {submitLabel}
        </Button>
      </div>
    </form>
  );
}
