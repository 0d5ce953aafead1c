import { Extension } from "@tiptap/core";
import type { Node as PMNode } from "@tiptap/pm/model";
import { Plugin } from "@tiptap/pm/state";
import type { EditorView, NodeViewConstructor } from "@tiptap/pm/view";

const hasDiagram = (doc: PMNode) => {
  let found = false;
  doc.descendants((node) => {
    if (node.type.name === "codeBlock" && node.attrs.language === "mermaid") found = true;
    return !found;
  });
  return found;
};

/**
 * A `mermaid` code block shows its diagram under its source (./mermaid-node-view.ts). The view's
 * code is fetched the first time a section holds such a block, then installed as the code block's
 * node view; handing ProseMirror a new nodeViews prop makes it collect node views again and redraw.
 */
export const MermaidPreview = Extension.create({
  name: "mermaidPreview",
  addProseMirrorPlugins() {
    const nodeViews: Record<string, NodeViewConstructor> = {};
    let loading = false;
    const check = (view: EditorView) => {
      if (loading || !hasDiagram(view.state.doc)) return;
      loading = true;
      import("./mermaid-node-view").then(
        ({ codeBlockView }) => {
          nodeViews.codeBlock = codeBlockView as NodeViewConstructor;
          // A new (equal) nodeViews prop is what makes ProseMirror collect node views again.
          if (!view.isDestroyed) view.setProps({ nodeViews: { ...view.props.nodeViews } });
        },
        () => (loading = false), // offline: the source stays a plain code block; the next change tries again
      );
    };
    return [
      new Plugin({
        props: { nodeViews },
        view(view) {
          check(view);
          return { update: check };
        },
      }),
    ];
  },
});
