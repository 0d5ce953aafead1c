"use client";

import { TriangleAlert } from "lucide-react";
import { useId, useMemo } from "react";
import { Button } from "@/components/ui/button";
import { extractText } from "@/lib/editor/text";
import { formatWhen, isToday } from "./format-time";
import { PROSE_CLASS } from "./prose";
import type { RemoteVersion } from "./section-saver";
import { diffWords, hasChanges } from "@/lib/editor/word-diff";

export type ConflictPanelProps = {
  current: RemoteVersion;
  /** Plain text of the writer's version (the editor below the panel). */
  mineText: string;
  busy: boolean;
  onKeepMine: () => void;
  onUseTheirs: () => void;
  onSaveMerged: () => void;
};

/**
 * Shown when someone saved the section while this writer was editing it: their
 * version read-only, a word diff, and three explicit ways out. The writer's own
 * text stays in the editor below; nothing is saved until they choose.
 */
export function ConflictPanel({ current, mineText, busy, onKeepMine, onUseTheirs, onSaveMerged }: ConflictPanelProps) {
  const id = useId();
  const name = current.updatedBy?.name ?? "Someone";
  const when = formatWhen(current.updatedAt);
  const theirsText = useMemo(() => extractText(current.content), [current.content]);
  const diff = useMemo(() => diffWords(theirsText, mineText), [theirsText, mineText]);
  const differs = hasChanges(diff);

  return (
    <div role="group" aria-labelledby={`${id}-title`} className="conflict-panel">
      <div className="flex gap-2">
        <TriangleAlert aria-hidden="true" className="mt-0.5 size-4 shrink-0 text-amber-700" />
        <div className="grid gap-1">
          <p id={`${id}-title`} className="font-medium text-amber-950">
            {name} saved a newer version{when ? ` ${isToday(current.updatedAt) ? "at" : "on"} ${when}` : ""} while you
            were editing.
          </p>
          <p className="text-sm text-amber-900">
            Your text is still in the editor below and has not been saved. Autosave is paused for this section until you
            choose.
          </p>
        </div>
      </div>

      <div className="flex flex-wrap gap-2">
        <Button size="sm" onClick={onKeepMine} loading={busy}>
          Keep mine
        </Button>
        <Button size="sm" variant="secondary" onClick={onUseTheirs} disabled={busy}>
          Use theirs
        </Button>
        <Button size="sm" variant="secondary" onClick={onSaveMerged} disabled={busy}>
          I merged them — save
        </Button>
      </div>

      <section aria-labelledby={`${id}-theirs`} className="grid gap-1.5">
        <h3 id={`${id}-theirs`} className="conflict-label">
          Their version · {name}
        </h3>
        <div className="conflict-theirs">
          <div className={PROSE_CLASS} dangerouslySetInnerHTML={{ __html: current.html }} />
        </div>
      </section>

      <section aria-labelledby={`${id}-diff`} className="grid gap-1.5">
        <h3 id={`${id}-diff`} className="conflict-label">
          Differences
        </h3>
        {differs ? (
          <>
            <p className="text-xs text-slate-600">
              <del className="diff-removed">Struck out</del>: only in their version.{" "}
              <ins className="diff-added">Highlighted</ins>: only in yours.
            </p>
            <p className="conflict-diff">
              {diff.map((part, i) =>
                part.kind === "same" ? (
                  <span key={i}>{part.text}</span>
                ) : part.kind === "added" ? (
                  <ins key={i} className="diff-added">
                    <span className="sr-only">[yours: </span>
                    {part.text}
                    <span className="sr-only">]</span>
                  </ins>
                ) : (
                  <del key={i} className="diff-removed">
                    <span className="sr-only">[theirs: </span>
                    {part.text}
                    <span className="sr-only">]</span>
                  </del>
                ),
              )}
            </p>
          </>
        ) : (
          <p className="text-sm text-slate-600">The words are the same; only formatting differs.</p>
        )}
      </section>
      <p className="conflict-label" aria-hidden="true">
        Your version · not saved
      </p>
    </div>
  );
}
