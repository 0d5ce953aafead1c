import { commonEnds } from "@/lib/common-ends";

/**
 * A longest common subsequence of two sequences of keys, as matches: `match[i]` is the index in `b` of `a[i]` in the
 * subsequence, or -1. The common ends are matched first (edits are usually local); past `maxCells` table cells for
 * the middle, only the ends are matched (the middle counts as replaced whole).
 */
export function lcsMatches(a: readonly string[], b: readonly string[], maxCells: number): Int32Array {
  const match = new Int32Array(a.length).fill(-1);
  const { start, endA, endB } = commonEnds(a.length, b.length, (i, j) => a[i] === b[j]);
  for (let i = 0; i < start; i++) match[i] = i;
  for (let i = endA; i < a.length; i++) match[i] = i - endA + endB;
  const n = endA - start;
  const m = endB - start;
  if (n === 0 || m === 0 || (n + 1) * (m + 1) > maxCells) return match;
  // lengths[i * width + j] = LCS length of a[start + i..endA) and b[start + j..endB)
  const width = m + 1;
  const lengths = new Uint32Array((n + 1) * width);
  for (let i = n - 1; i >= 0; i--)
    for (let j = m - 1; j >= 0; j--)
      lengths[i * width + j] =
        a[start + i] === b[start + j]
          ? lengths[(i + 1) * width + j + 1]! + 1
          : Math.max(lengths[(i + 1) * width + j]!, lengths[i * width + j + 1]!);
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (a[start + i] === b[start + j]) {
      match[start + i] = start + j;
      i++;
      j++;
    } else if (lengths[(i + 1) * width + j]! >= lengths[i * width + j + 1]!) i++;
    else j++;
  }
  return match;
}
