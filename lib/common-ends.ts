/**
 * How much two sequences share at their start and end: `start` items are the same at the front, and the items from
 * `endA` (in a) and `endB` (in b) on are the same at the back; what differs is a[start, endA) against b[start, endB).
 * Edits are usually local, so a diff or a patch only has to look at that middle. `same(i, j)` compares a[i], b[j].
 */
export function commonEnds(
  lengthA: number,
  lengthB: number,
  same: (i: number, j: number) => boolean,
): { start: number; endA: number; endB: number } {
  let start = 0;
  while (start < lengthA && start < lengthB && same(start, start)) start++;
  let endA = lengthA;
  let endB = lengthB;
  while (endA > start && endB > start && same(endA - 1, endB - 1)) {
    endA--;
    endB--;
  }
  return { start, endA, endB };
}
