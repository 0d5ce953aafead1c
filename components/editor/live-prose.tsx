"use client";

import { useLayoutEffect, useState, type HTMLAttributes, type RefObject } from "react";

/**
 * The element's children become those of `html`, touching only the top-level nodes that differ: the unchanged
 * start and end are kept as they are, the middle is replaced.
 */
export function patchChildren(element: HTMLElement, html: string): void {
  const template = document.createElement("template");
  template.innerHTML = html;
  const next = Array.from(template.content.childNodes);
  const current = Array.from(element.childNodes);
  let start = 0;
  while (start < next.length && start < current.length && next[start]!.isEqualNode(current[start]!)) start++;
  let endNext = next.length;
  let endCurrent = current.length;
  while (endNext > start && endCurrent > start && next[endNext - 1]!.isEqualNode(current[endCurrent - 1]!)) {
    endNext--;
    endCurrent--;
  }
  const before = current[endCurrent] ?? null;
  for (let i = start; i < endCurrent; i++) current[i]!.remove();
  for (let i = start; i < endNext; i++) element.insertBefore(next[i]!, before);
}

/**
 * A read view's HTML. The first HTML is React's (server-rendered, hydrated as it is); later HTML — a section
 * following someone's typing live — replaces only the blocks that changed, so the browser parses, styles and lays
 * out one paragraph, not the whole section, at each step (with 50 people typing in a doc, replacing the whole HTML
 * of the sections on screen ten times a second kept the page's own editor waiting: bench/collab-keystroke.mjs).
 */
export function LiveProse({
  html,
  ref,
  ...props
}: { html: string; ref: RefObject<HTMLDivElement | null> } & Omit<
  HTMLAttributes<HTMLDivElement>,
  "dangerouslySetInnerHTML" | "children"
>) {
  // React sets this once, when the element is made; it never changes, so React never replaces the children.
  const [first] = useState(html);
  useLayoutEffect(() => {
    if (ref.current) patchChildren(ref.current, html);
  }, [html, ref]);
  return <div ref={ref} {...props} dangerouslySetInnerHTML={{ __html: first }} />;
}
