import { commonEnds } from "@/lib/common-ends";
/**
 * A word-level diff of two plain texts (longest common subsequence over words
 * and the whitespace between them), for the conflict view: what the other
 * version has that yours does not, and the other way round.
 *
 * INVARIANT: joining the "same" and "removed" parts gives `before`; joining the
 * "same" and "added" parts gives `after`.
 */

export type DiffPart = { kind: "same" | "added" | "removed"; text: string };

/** Beyond this many table cells (~4 MB) the middle is shown as replaced whole. */
export const MAX_DIFF_CELLS = 1_000_000;

function tokenize(text: string): string[] {
  return text.match(/\s+|[^\s]+/g) ?? [];
}

function push(parts: DiffPart[], kind: DiffPart["kind"], text: string): void {
  if (text === "") return;
  const last = parts[parts.length - 1];
  if (last?.kind === kind) last.text += text;
  else parts.push({ kind, text });
}

/** LCS over a[0..n) and b[0..m), appended to `parts` in order. */
function diffMiddle(a: string[], b: string[], parts: DiffPart[], maxCells: number): void {
  const n = a.length;
  const m = b.length;
  if ((n + 1) * (m + 1) > maxCells) {
    push(parts, "removed", a.join(""));
    push(parts, "added", b.join(""));
    return;
  }
  // lengths[i * (m + 1) + j] = LCS length of a[i..] and b[j..]
  const width = m + 1;
  const lengths = new Uint32Array((n + 1) * width);
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lengths[i * width + j] =
        a[i] === b[j]
          ? lengths[(i + 1) * width + j + 1]! + 1
          : Math.max(lengths[(i + 1) * width + j]!, lengths[i * width + j + 1]!);
    }
  }
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (a[i] === b[j]) {
      push(parts, "same", a[i]!);
      i++;
      j++;
    } else if (lengths[(i + 1) * width + j]! >= lengths[i * width + j + 1]!) {
      push(parts, "removed", a[i++]!);
    } else {
      push(parts, "added", b[j++]!);
    }
  }
  while (i < n) push(parts, "removed", a[i++]!);
  while (j < m) push(parts, "added", b[j++]!);
}

export function diffWords(before: string, after: string, maxCells = MAX_DIFF_CELLS): DiffPart[] {
  const a = tokenize(before);
  const b = tokenize(after);
  // Edits are usually local: trimming the common ends keeps the table small.
  const { start, endA, endB } = commonEnds(a.length, b.length, (i, j) => a[i] === b[j]);
  const parts: DiffPart[] = [];
  push(parts, "same", a.slice(0, start).join(""));
  diffMiddle(a.slice(start, endA), b.slice(start, endB), parts, maxCells);
  push(parts, "same", a.slice(endA).join(""));
  return parts;
}

/** True when some word was added or removed (whitespace-only changes do not count). */
export function hasChanges(parts: readonly DiffPart[]): boolean {
  return parts.some((p) => p.kind !== "same" && p.text.trim() !== "");
}
