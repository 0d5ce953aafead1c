"use client";

import { useId, useState, useTransition } from "react";
import { setRemoteImagesAction } from "@/app/(app)/w/[workspace]/settings/actions";

/** The workspace's "allow remote images" switch (lib/media/remote-images.ts), saved as it changes. */
export function RemoteImagesForm({ workspaceId, allowed }: { workspaceId: string; allowed: boolean }) {
  const id = useId();
  const [checked, setChecked] = useState(allowed);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [pending, start] = useTransition();
  return (
    <div className="grid gap-2">
      <div className="flex items-start gap-3">
        <input
          id={id}
          type="checkbox"
          className="mt-1 size-4 accent-brand-600"
          checked={checked}
          disabled={pending}
          aria-describedby={`${id}-hint`}
          onChange={(event) => {
            const next = event.target.checked;
            setChecked(next);
            start(async () => {
              const result = await setRemoteImagesAction(workspaceId, next);
              if (!result.ok) setChecked(!next);
              setMessage(result.ok ? { ok: true, text: "Saved." } : { ok: false, text: result.message });
            });
          }}
        />
        <div className="grid gap-1">
          <label htmlFor={id} className="text-sm font-medium text-slate-900">
            Allow images from other websites
          </label>
          <p id={`${id}-hint`} className="text-sm text-slate-600">
            When on, images in imported Markdown that point at other websites are shown as images. Loading them tells
            those websites who reads your docs and when, so by default they become links and uploaded images are the way
            to add pictures.
          </p>
        </div>
      </div>
      {message && (
        <p role="status" className={message.ok ? "text-sm text-green-700" : "text-sm text-red-700"}>
          {message.text}
        </p>
      )}
    </div>
  );
}
