"use client";

import { Check, Pencil } from "lucide-react";
import type { ReactNode } from "react";
import { RelativeTime } from "@/components/docs/relative-time";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { useHydrated } from "@/components/ui/use-hydrated";
import type { PersonDTO, SectionSummaryDTO } from "@/lib/docs/dto";
import { describeSaveStatus, type StatusTone } from "./save-status-text";
import type { SaveStatus } from "./section-saver";

export type Stamp = { at: string; by: PersonDTO | null };

const TONES: Record<StatusTone, string> = {
  muted: "text-slate-500",
  busy: "text-slate-600",
  ok: "text-slate-600",
  warning: "text-amber-800 font-medium",
  danger: "text-red-700 font-medium",
};

type SectionHeaderProps = {
  section: SectionSummaryDTO;
  headingId: string;
  /** Null: nobody has written this section yet. */
  stamp: Stamp | null;
  status: SaveStatus;
  draftsKept: boolean;
  /** Show the Edit button (a writer who is not editing yet). */
  canStart: boolean;
  loading: boolean;
  onEdit: () => void;
  onPreload: () => void;
  /** While editing: leave the editor (as Escape does); the section reads as a page again. */
  onDone?: () => void;
  /** Rename/move/remove for a section of the doc's own. */
  controls?: ReactNode;
};

function StampText({ stamp }: { stamp: Stamp | null }) {
  if (!stamp) return <span data-testid="section-unwritten">Not written yet</span>;
  if (!stamp.by) return null;
  return (
    <span>
      Edited <RelativeTime iso={stamp.at} /> by {stamp.by.name}
    </span>
  );
}

export function SectionHeader({
  section,
  headingId,
  stamp,
  status,
  draftsKept,
  canStart,
  loading,
  onEdit,
  onPreload,
  onDone,
  controls,
}: SectionHeaderProps) {
  const hydrated = useHydrated();
  const text = describeSaveStatus(status, { draftsKept });
  return (
    <header className="section-header">
      <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
        <h2 id={headingId} className="text-xl leading-7 font-semibold tracking-tight text-slate-900">
          <a href={`#${section.key}`} className="hover:underline">
            {section.title}
          </a>
        </h2>
        {section.required && section.isEmpty && <Badge variant="warning">Required</Badge>}
        {canStart && (
          <Button
            variant="ghost"
            size="sm"
            className="ml-auto -my-1 text-slate-600"
            aria-label={`Edit ${section.title}`}
            loading={loading}
            // Before the page's code runs a click would do nothing (and be lost): it waits, dimmed, until it can.
            disabled={!hydrated}
            onClick={onEdit}
            onFocus={onPreload}
            onPointerDown={onPreload}
          >
            {!loading && <Pencil aria-hidden="true" />}
            Edit
          </Button>
        )}
        {onDone && (
          <Button
            variant="secondary"
            size="sm"
            className="ml-auto -my-1"
            aria-label={`Done editing ${section.title}`}
            title="Done editing (Esc)"
            onClick={onDone}
          >
            <Check aria-hidden="true" />
            Done
          </Button>
        )}
      </div>
      {controls}
      <div className="mt-1 flex min-h-5 flex-wrap items-center gap-x-3 gap-y-0.5 text-xs text-slate-500">
        <StampText stamp={stamp} />
        {/* Always mounted: a live region only announces changes it was present for. */}
        <p role="status" className={cn("section-status", TONES[text.tone])} data-tone={text.tone}>
          {text.announce ? text.text : <span aria-hidden="true">{text.text}</span>}
        </p>
      </div>
    </header>
  );
}
