"use client";

import { ListPlus } from "lucide-react";
import { useRef, type KeyboardEvent, type MouseEvent } from "react";
import { Button } from "@/components/ui/button";
import { createLazyComponent } from "@/components/ui/lazy-component";
import type { SectionSummaryDTO } from "@/lib/docs/dto";
import type { FocusRequest } from "./editor-types";
import { LiveProse } from "./live-prose";
import { PROSE_CLASS } from "./prose";

export type SectionReadViewProps = {
  /** `blocks`: the HTML block by block, when it follows the live doc (./live-prose.tsx replaces only some). */
  section: SectionSummaryDTO & { blocks?: string[] };
  editable: boolean;
  /** The editor is on its way: keys typed now are kept for it. */
  loading: boolean;
  hintId: string;
  onEdit: (focus: FocusRequest) => void;
  onInsertOutline: () => void;
  onPreload: () => void;
  onTypedAhead: (text: string) => void;
};

const INTERACTIVE = "a, button, input, select, textarea, summary";

// Mermaid and its drawing code come only to sections that hold a diagram (the renderer marks its source block).
const SectionDiagrams = createLazyComponent(() =>
  import("@/components/diagrams/section-diagrams").then((m) => m.SectionDiagrams),
);
const hasDiagram = (html: string) => html.includes('<code class="language-mermaid">');

/**
 * The server-rendered section: same root classes as the editor, so the editor can
 * take its place without a jump. For writers it is the way in: click (the caret
 * lands where they clicked), or focus and press Enter.
 */
export function SectionReadView({
  section,
  editable,
  loading,
  hintId,
  onEdit,
  onInsertOutline,
  onPreload,
  onTypedAhead,
}: SectionReadViewProps) {
  const prose = useRef<HTMLDivElement>(null);
  const diagrams = hasDiagram(section.html) && <SectionDiagrams root={prose} html={section.html} />;
  if (!editable) {
    if (section.isEmpty) return <p className="section-empty">Nothing written yet.</p>;
    return (
      <>
        <LiveProse ref={prose} className={PROSE_CLASS} html={section.html} blocks={section.blocks} />
        {diagrams}
      </>
    );
  }

  const onClick = (event: MouseEvent<HTMLDivElement>) => {
    // Links open as links; a drag that selected text is someone copying.
    if ((event.target as Element).closest(INTERACTIVE) || window.getSelection()?.isCollapsed === false) return;
    const box = event.currentTarget.getBoundingClientRect();
    onEdit({ kind: "point", x: event.clientX - box.left, y: event.clientY - box.top });
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    // Kept already by the section while its editor opens (section-block.tsx).
    if (event.target !== event.currentTarget || event.defaultPrevented) return;
    if (loading) {
      if (event.key.length === 1 && !event.ctrlKey && !event.metaKey && !event.altKey) {
        event.preventDefault();
        onTypedAhead(event.key);
      }
      return;
    }
    if (event.key === "Enter") {
      event.preventDefault();
      onEdit({ kind: "end" });
    }
  };

  const common = {
    tabIndex: 0,
    "aria-describedby": hintId,
    "aria-busy": loading || undefined,
    "data-editable": "",
    onClick,
    onKeyDown,
    onFocus: onPreload,
    onPointerDown: onPreload,
  };

  return (
    <>
      <span id={hintId} className="sr-only">
        {section.title}: press Enter to edit.
      </span>
      {section.isEmpty ? (
        <div className={PROSE_CLASS} {...common}>
          {/* Guidance is for the writer: on paper an empty section only says it is not written yet. */}
          <p className="doc-guidance print:hidden">{section.guidance || "Nothing written yet."}</p>
          <p className="section-empty hidden print:block">Not written yet.</p>
        </div>
      ) : (
        <LiveProse ref={prose} className={PROSE_CLASS} {...common} html={section.html} blocks={section.blocks} />
      )}
      {!section.isEmpty && diagrams}
      {section.isEmpty && section.hasOutline && (
        <Button
          variant="secondary"
          size="sm"
          className="mt-3"
          onClick={onInsertOutline}
          onPointerDown={onPreload}
          disabled={loading}
        >
          <ListPlus aria-hidden="true" />
          Insert outline
        </Button>
      )}
    </>
  );
}
