import type { ReactNode } from "react";
import type { DiffPart } from "@/lib/editor/word-diff";
import type { Block } from "@/lib/history/blocks";
import type { SectionDiff } from "@/lib/history/doc-diff";
import type { BlockDiff, RowDiff } from "@/lib/history/rich-diff";
import { cn } from "@/components/ui/cn";

const INS = "rounded-sm bg-green-100 text-green-900 underline decoration-green-700/40";
const DEL = "rounded-sm bg-red-50 text-red-800 line-through";

/** Inserted words underlined on green, deleted struck on red; the words say which for screen readers. */
function Parts({ parts }: { parts: readonly DiffPart[] }) {
  return parts.map((p, i) =>
    p.kind === "same" ? (
      <span key={i}>{p.text}</span>
    ) : p.kind === "added" ? (
      <ins key={i} className={INS}>
        <span className="sr-only">[added: </span>
        {p.text}
        <span className="sr-only">]</span>
      </ins>
    ) : (
      <del key={i} className={DEL}>
        <span className="sr-only">[removed: </span>
        {p.text}
        <span className="sr-only">]</span>
      </del>
    ),
  );
}

function marker(block: Block): string | null {
  if (block.kind === "bullet") return "•";
  if (block.kind === "ordered") return "1.";
  if (block.kind === "task") return block.checked ? "☑" : "☐";
  return null;
}

/** One block in the shape a reader knows: heading, list item at its depth, code, quote. */
function BlockShell({ block, tone, children }: { block: Block; tone: BlockDiff["op"]; children: ReactNode }) {
  const bullet = marker(block);
  const toneClass =
    tone === "added"
      ? "border-l-4 border-green-500 bg-green-50/60"
      : tone === "removed"
        ? "border-l-4 border-red-400 bg-red-50/60"
        : tone === "same"
          ? "text-slate-500"
          : "border-l-4 border-amber-400";
  const text =
    block.kind === "code" ? (
      <pre className="overflow-x-auto rounded bg-slate-50 p-2 font-mono text-[13px] whitespace-pre-wrap">
        {children}
      </pre>
    ) : block.kind === "heading" ? (
      <p className="font-semibold text-slate-900">{children}</p>
    ) : block.kind === "rule" ? (
      <hr className="my-1 border-slate-300" />
    ) : block.kind === "image" ? (
      <p className="italic">Image: {children}</p>
    ) : (
      <p className="whitespace-pre-wrap">{children}</p>
    );
  return (
    <div
      className={cn("flex gap-2 py-1 pr-2 pl-3 text-sm leading-6", toneClass, block.quote && "italic")}
      style={block.depth ? { marginLeft: `${block.depth * 1.25}rem` } : undefined}
      data-diff={tone}
    >
      {tone === "added" && <span className="sr-only">Added block: </span>}
      {tone === "removed" && <span className="sr-only">Removed block: </span>}
      {bullet && (
        <span aria-hidden="true" className="w-4 shrink-0 text-slate-500">
          {bullet}
        </span>
      )}
      <div className="min-w-0 flex-1">{text}</div>
    </div>
  );
}

function RowView({ row }: { row: RowDiff }) {
  const tone =
    row.op === "added" ? "bg-green-50" : row.op === "removed" ? "bg-red-50 line-through text-red-800" : undefined;
  return (
    <tr className={tone} data-diff={row.op}>
      {row.op === "changed"
        ? row.cells.map((c, i) => (
            <td key={i} className="border border-slate-200 px-2 py-1 align-top">
              <Parts parts={c} />
            </td>
          ))
        : row.cells.map((c, i) => (
            <td key={i} className="border border-slate-200 px-2 py-1 align-top">
              {c}
            </td>
          ))}
    </tr>
  );
}

function BlockDiffView({ diff }: { diff: BlockDiff }) {
  switch (diff.op) {
    case "skip":
      return (
        <p className="py-1 pl-3 text-xs text-slate-500" data-diff="skip">
          ⋯ {diff.count} unchanged block{diff.count === 1 ? "" : "s"}
        </p>
      );
    case "table":
      return (
        <div className="overflow-x-auto border-l-4 border-amber-400 py-1 pl-3" data-diff="table">
          <table className="border-collapse text-sm">
            <tbody>
              {diff.rows.map((r, i) => (
                <RowView key={i} row={r} />
              ))}
            </tbody>
          </table>
        </div>
      );
    case "changed":
      return (
        <BlockShell block={diff.after} tone="changed">
          <Parts parts={diff.parts} />
          {diff.formatOnly && <span className="ml-2 text-xs text-slate-500 not-italic">(formatting changed)</span>}
        </BlockShell>
      );
    default:
      if (diff.block.kind === "table")
        return (
          <BlockDiffView
            diff={{
              op: "table",
              before: diff.block,
              after: diff.block,
              rows: (diff.block.cells ?? []).map((cells) => ({ op: diff.op, cells })),
            }}
          />
        );
      return (
        <BlockShell block={diff.block} tone={diff.op}>
          {diff.block.text}
        </BlockShell>
      );
  }
}

const STATUS_TEXT: Record<SectionDiff["status"], string> = {
  added: "added",
  removed: "removed",
  changed: "changed",
  unchanged: "unchanged",
};

/**
 * A doc's per-section diff: changed sections with their blocks, unchanged ones folded
 * into one line. `actions` renders per-section controls (restore) beside the title.
 */
export function DocDiffView({
  sections,
  actions,
}: {
  sections: readonly SectionDiff[];
  actions?: (section: SectionDiff) => ReactNode;
}) {
  const changed = sections.filter((s) => s.status !== "unchanged");
  const unchanged = sections.filter((s) => s.status === "unchanged");
  return (
    <div className="grid gap-4" data-testid="history-diff">
      {changed.length === 0 && <p className="text-sm text-slate-600">Nothing changed between these two points.</p>}
      {changed.map((s) => (
        <section
          key={s.key}
          className="rounded-lg border border-slate-200 bg-white"
          aria-labelledby={`diff-${s.key}`}
          data-testid="diff-section"
          data-section={s.key}
        >
          <header className="flex flex-wrap items-center gap-x-3 gap-y-1 border-b border-slate-200 px-3 py-2">
            <h3 id={`diff-${s.key}`} className="text-sm font-semibold text-slate-900">
              {s.beforeTitle ? (
                <>
                  <del className={DEL}>{s.beforeTitle}</del> <ins className={INS}>{s.title}</ins>
                </>
              ) : (
                s.title
              )}
            </h3>
            <span className="text-xs text-slate-600">
              {STATUS_TEXT[s.status]}
              {s.words.added + s.words.removed > 0 && ` · +${s.words.added} −${s.words.removed} words`}
            </span>
            {actions && <div className="ml-auto">{actions(s)}</div>}
          </header>
          <div className="grid gap-0.5 py-2">
            {s.blocks.map((b, i) => (
              <BlockDiffView key={i} diff={b} />
            ))}
          </div>
        </section>
      ))}
      {unchanged.length > 0 && (
        <details className="rounded-lg border border-dashed border-slate-300 px-3 py-2 text-sm text-slate-600">
          <summary className="cursor-pointer">
            {unchanged.length} section{unchanged.length === 1 ? "" : "s"} unchanged
          </summary>
          <p className="mt-1">{unchanged.map((s) => s.title).join(" · ")}</p>
        </details>
      )}
    </div>
  );
}
