import type { Node as PMNode } from "@tiptap/pm/model";
import type { NodeView } from "@tiptap/pm/view";

const RENDER_DELAY_MS = 400;

/**
 * A `mermaid` code block in the editor: its source stays an ordinary, editable code block,
 * with the drawn diagram (or mermaid's error) under it, redrawn a moment after typing stops.
 * This code comes when a section has such a block (./mermaid-preview.ts), mermaid itself when
 * the first one is drawn (components/diagrams/mermaid-render.ts).
 */
function mermaidView(node: PMNode): NodeView {
  const dom = document.createElement("div");
  dom.className = "diagram-block";
  const pre = document.createElement("pre");
  const code = document.createElement("code");
  code.className = "language-mermaid";
  pre.append(code);
  const preview = document.createElement("figure");
  preview.className = "doc-diagram";
  preview.contentEditable = "false";
  preview.dataset.state = "loading";
  preview.setAttribute("aria-label", "Diagram preview");
  dom.append(pre, preview);

  let timer: ReturnType<typeof setTimeout> | undefined;
  let drawn: string | null = null;
  let destroyed = false;
  const draw = (source: string) => {
    if (source === drawn) return;
    drawn = source;
    import("@/components/diagrams/mermaid-render").then(
      async ({ renderMermaid, showDiagram }) => {
        const result = await renderMermaid(source);
        // A newer source may have been asked for meanwhile; only the latest is shown.
        if (!destroyed && drawn === source) showDiagram(preview, result);
      },
      () => {
        drawn = null;
        preview.dataset.state = "error";
        preview.textContent = "The diagram preview could not be loaded. Check your connection.";
      },
    );
  };
  draw(node.textContent);

  return {
    dom,
    contentDOM: code,
    update(next) {
      if (next.type !== node.type || next.attrs.language !== "mermaid") return false;
      clearTimeout(timer);
      timer = setTimeout(() => draw(next.textContent), RENDER_DELAY_MS);
      return true;
    },
    ignoreMutation: (mutation) => mutation.type !== "selection" && preview.contains(mutation.target),
    stopEvent: (event) => preview.contains(event.target as Node),
    destroy() {
      destroyed = true;
      clearTimeout(timer);
    },
  };
}

/** The code block's view: mermaid blocks get the preview; every other code block keeps the default view. */
export function codeBlockView(node: PMNode): NodeView | undefined {
  return node.attrs.language === "mermaid" ? mermaidView(node) : undefined;
}
