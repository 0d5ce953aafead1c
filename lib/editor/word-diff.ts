import { lcsMatches } from "@/lib/lcs";
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

export function diffWords(before: string, after: string, maxCells = MAX_DIFF_CELLS): DiffPart[] {
  const a = tokenize(before);
  const b = tokenize(after);
  const match = lcsMatches(a, b, maxCells);
  const parts: DiffPart[] = [];
  let j = 0;
  a.forEach((word, i) => {
    const k = match[i]!;
    if (k < 0) return push(parts, "removed", word);
    while (j < k) push(parts, "added", b[j++]!);
    push(parts, "same", word);
    j = k + 1;
  });
  while (j < b.length) push(parts, "added", b[j++]!);
  return parts;
}

/** True when some word was added or removed (whitespace-only changes do not count). */
export function hasChanges(parts: readonly DiffPart[]): boolean {
  return parts.some((p) => p.kind !== "same" && p.text.trim() !== "");
}
