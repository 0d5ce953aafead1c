/**
 * A DOM selection inside one section's rendered content → the anchor the server
 * understands (lib/comments/anchors.ts): the offset of the selection's start in the
 * concatenated text nodes of the content root, and the selected text. The read view
 * (server HTML) and the live editor both print exactly the document's text nodes,
 * so both give the same numbers.
 */
export type SelectionAnchor = { sectionKey: string; offset: number; quote: string; rect: DOMRect };

export function contentRoot(section: Element): HTMLElement | null {
  return section.querySelector<HTMLElement>(".section-body .doc-prose");
}

export function anchorFromSelection(selection: Selection | null): SelectionAnchor | null {
  if (!selection || selection.isCollapsed || selection.rangeCount === 0) return null;
  const range = selection.getRangeAt(0);
  const start = range.startContainer instanceof Element ? range.startContainer : range.startContainer.parentElement;
  const section = start?.closest<HTMLElement>("section[data-section-key]");
  const root = section ? contentRoot(section) : null;
  if (!section || !root || !root.contains(range.startContainer) || !root.contains(range.endContainer)) return null;
  if (root.querySelector(".doc-guidance")) return null;
  const quote = range.toString();
  if (!quote.trim()) return null;
  const before = document.createRange();
  before.setStart(root, 0);
  before.setEnd(range.startContainer, range.startOffset);
  return {
    sectionKey: section.dataset.sectionKey!,
    offset: before.toString().length,
    quote,
    rect: range.getBoundingClientRect(),
  };
}
