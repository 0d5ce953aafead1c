"use client";

import { useEffect, type RefObject } from "react";
import { renderMermaid, showDiagram } from "./mermaid-render";

/** Source blocks of diagrams in server-rendered section HTML (lib/editor/render-html.ts). */
export const DIAGRAM_SELECTOR = "pre > code.language-mermaid";

/**
 * Draws every mermaid block of a section's read view (the doc page and the share page) as a
 * diagram, when it comes near the screen. The block's own box is kept until the drawing is
 * ready, so nothing jumps while mermaid loads; readers can show the source again. A block
 * whose source is broken keeps its source and gets mermaid's error under it.
 */
export function SectionDiagrams({ root, html }: { root: RefObject<HTMLElement | null>; html: string }) {
  useEffect(() => {
    const container = root.current;
    if (!container) return;
    const blocks = [...container.querySelectorAll<HTMLElement>(DIAGRAM_SELECTOR)].flatMap((code) =>
      code.parentElement instanceof HTMLPreElement ? [code.parentElement] : [],
    );
    const added: HTMLElement[] = [];
    let live = true;
    const draw = (pre: HTMLPreElement) => {
      const figure = document.createElement("figure");
      figure.className = "doc-diagram";
      figure.dataset.state = "loading";
      figure.setAttribute("aria-label", "Diagram");
      pre.before(figure);
      added.push(figure);
      void renderMermaid(pre.textContent ?? "").then((result) => {
        if (!live) return;
        showDiagram(figure, result);
        if (!result.ok) return;
        pre.hidden = true;
        const toggle = document.createElement("button");
        toggle.type = "button";
        toggle.className = "doc-diagram-source";
        toggle.textContent = "Show source";
        toggle.setAttribute("aria-expanded", "false");
        toggle.addEventListener("click", () => {
          pre.hidden = !pre.hidden;
          toggle.textContent = pre.hidden ? "Show source" : "Hide source";
          toggle.setAttribute("aria-expanded", String(!pre.hidden));
        });
        figure.append(toggle);
      });
    };
    const observer = new IntersectionObserver(
      (entries) => {
        for (const entry of entries) {
          if (!entry.isIntersecting) continue;
          observer.unobserve(entry.target);
          draw(entry.target as HTMLPreElement);
        }
      },
      { rootMargin: "600px 0px" },
    );
    blocks.forEach((pre) => observer.observe(pre));
    return () => {
      live = false;
      observer.disconnect();
      added.forEach((el) => el.remove());
      blocks.forEach((pre) => (pre.hidden = false));
    };
  }, [root, html]);
  return null;
}
