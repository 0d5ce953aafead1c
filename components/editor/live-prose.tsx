"use client";

import { useLayoutEffect, useRef, useState, type HTMLAttributes, type RefObject } from "react";
import { commonEnds } from "@/lib/common-ends";

/** The nodes `html` parses to (in a template: nothing runs, nothing is styled or laid out). */
function parse(html: string): Node[] {
  const template = document.createElement("template");
  template.innerHTML = html;
  return Array.from(template.content.childNodes);
}

/** Replaces `count` children of `element` from `start` on with `nodes`. */
function splice(element: HTMLElement, start: number, count: number, nodes: Node[]): void {
  const current = element.childNodes;
  const before = current[start + count] ?? null;
  for (let i = 0; i < count; i++) current[start]!.remove();
  for (const node of nodes) element.insertBefore(node, before);
}

/**
 * The element's children become those of `html`, touching only the top-level nodes that differ: the unchanged
 * start and end are kept as they are, the middle is replaced.
 */
export function patchChildren(element: HTMLElement, html: string): void {
  const next = parse(html);
  const current = Array.from(element.childNodes);
  const { start, endA, endB } = commonEnds(next.length, current.length, (i, j) => next[i]!.isEqualNode(current[j]!));
  splice(element, start, endB - start, next.slice(start, endA));
}

/**
 * The same from the blocks' HTML, when the element's children are known to be `shown` (one node per block): only
 * the blocks whose HTML changed are parsed. False when that cannot be done (the caller patches from the HTML).
 */
function patchBlocks(element: HTMLElement, shown: string[], blocks: string[]): boolean {
  if (element.childNodes.length !== shown.length) return false;
  const { start, endA, endB } = commonEnds(blocks.length, shown.length, (i, j) => blocks[i] === shown[j]);
  const nodes = parse(blocks.slice(start, endA).join(""));
  if (nodes.length !== endA - start) return false;
  splice(element, start, endB - start, nodes);
  return true;
}

/**
 * A read view's HTML. The first HTML is React's (server-rendered, hydrated as it is); later HTML — a section
 * following someone's typing live — replaces only the blocks that changed, so the browser parses, styles and lays
 * out one paragraph, not the whole section, at each step (with 50 people typing in a doc, replacing the whole HTML
 * of the sections on screen ten times a second kept the page's own editor waiting: bench/collab-keystroke.mjs).
 * With `blocks` (the same HTML block by block), only the changed blocks are even parsed.
 */
export function LiveProse({
  html,
  blocks,
  ref,
  ...props
}: { html: string; blocks?: string[]; ref: RefObject<HTMLDivElement | null> } & Omit<
  HTMLAttributes<HTMLDivElement>,
  "dangerouslySetInnerHTML" | "children"
>) {
  // React sets this once, when the element is made; it never changes, so React never replaces the children.
  const [first] = useState(html);
  // The blocks the element shows, when it shows blocks (null: the HTML it shows is not known block by block).
  const shown = useRef<string[] | null>(null);
  useLayoutEffect(() => {
    const element = ref.current;
    if (!element) return;
    if (!(blocks && shown.current && patchBlocks(element, shown.current, blocks))) patchChildren(element, html);
    shown.current = blocks && element.childNodes.length === blocks.length ? blocks : null;
  }, [html, blocks, ref]);
  return <div ref={ref} {...props} dangerouslySetInnerHTML={{ __html: first }} />;
}
