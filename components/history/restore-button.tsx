"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { restoreAction } from "@/app/(app)/docs/[slug]/history-actions";
import { Button } from "@/components/ui/button";

/**
 * Restore one section (or the whole doc, with no `sectionKey`) to a point in history.
 * Asks once ("Restore? / Yes, restore"), then opens the doc, where the restored text is
 * the new current version.
 */
export function RestoreButton({
  docId,
  slug,
  seq,
  sectionKey,
  label,
}: {
  docId: string;
  slug: string;
  seq: number;
  sectionKey?: string;
  label: string;
}) {
  const router = useRouter();
  const [asking, setAsking] = useState(false);
  const [pending, start] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const restore = () =>
    start(async () => {
      const result = await restoreAction(docId, String(seq), { sections: sectionKey ? [sectionKey] : [] });
      if (!result.ok) {
        setError(result.message);
        return;
      }
      router.push(`/docs/${slug}${sectionKey ? `#${sectionKey}` : ""}`);
    });
  return (
    <span className="inline-flex flex-wrap items-center gap-2">
      {asking ? (
        <>
          <Button size="sm" variant="primary" loading={pending} onClick={restore} data-testid="confirm-restore">
            Yes, restore
          </Button>
          <Button size="sm" variant="ghost" onClick={() => setAsking(false)} disabled={pending}>
            Cancel
          </Button>
        </>
      ) : (
        <Button size="sm" variant="secondary" onClick={() => setAsking(true)} data-testid="restore">
          {label}
        </Button>
      )}
      {error && (
        <span role="alert" className="text-sm text-red-700">
          {error}
        </span>
      )}
    </span>
  );
}
