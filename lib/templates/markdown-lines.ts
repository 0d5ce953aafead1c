/** Line-level Markdown helpers shared by the template parser and its guidance writer. */

const FENCE = /^\s{0,3}(`{3,}|~{3,})/;

/**
 * Calls `visit` for every line with whether it sits inside a fenced code block
 * (fence lines themselves count as inside), so "## " or "---" in code is never
 * mistaken for structure.
 */
export function forEachLine(lines: readonly string[], visit: (line: string, inFence: boolean) => void): void {
  let fence: string | null = null;
  for (const line of lines) {
    const marker = FENCE.exec(line)?.[1];
    if (marker && fence === null) {
      fence = marker;
      visit(line, true);
    } else if (marker && fence !== null && marker.startsWith(fence[0]!) && marker.length >= fence.length) {
      fence = null;
      visit(line, true);
    } else visit(line, fence !== null);
  }
}

/** Text of a heading or label without Markdown emphasis: "**Risks & Mitigation**" → "Risks & Mitigation". */
export function plain(text: string): string {
  return text
    .replace(/\*\*|__|`/g, "")
    .replace(/\s+/g, " ")
    .trim();
}

/** "[Major decision 1]" → "Major decision 1", keeping the words a writer replaces. */
export function unbracket(text: string): string {
  return text.replace(/\[([^\]]*)\]/g, "$1");
}

export function kebabSlug(title: string): string {
  return title
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}
