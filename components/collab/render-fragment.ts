import type { JSONContent } from "@tiptap/core";
import { yXmlFragmentToProsemirrorJSON } from "@tiptap/y-tiptap";
import type * as Y from "yjs";
import { renderDocToHTML } from "@/lib/editor/render-html";
import { isEmptyDoc } from "@/lib/editor/text";

type Block = { html: string; empty: boolean };
type Node = Y.XmlElement | Y.XmlText | Y.XmlHook;

/** The section's HTML, and the same as one string per top-level block (for a read view that replaces only some). */
export type RenderedFragment = { html: string; isEmpty: boolean; blocks: string[] };

const renderers = new WeakMap<Y.XmlFragment, () => RenderedFragment>();

/**
 * A section's live fragment as read-view HTML, with the same DOM-free renderer the
 * server uses (lib/editor/render-html.ts), so a section changed by someone else reads
 * exactly as it will after a reload. Its own chunk: loaded the first time a read view
 * has to follow a change.
 *
 * Block by block: the section's HTML is its top-level blocks' HTML one after the other
 * (renderDocToHTML), and each block's is kept until a change touches it. A read view
 * following someone's typing turns one paragraph into HTML again, not the whole section
 * (and never highlights its code blocks again). What a change touched is forgotten as the
 * change happens (the renderer observes its fragment for as long as the doc lives).
 */
export function renderFragment(fragment: Y.XmlFragment): RenderedFragment {
  let render = renderers.get(fragment);
  if (!render) renderers.set(fragment, (render = blockRenderer(fragment)));
  return render();
}

function blockRenderer(fragment: Y.XmlFragment): () => RenderedFragment {
  const blocks = new WeakMap<Node, Block>();
  const topLevelOf = (type: Y.AbstractType<unknown>): Node | null => {
    let t: Y.AbstractType<unknown> | null = type;
    while (t && t.parent !== (fragment as unknown)) t = t.parent as Y.AbstractType<unknown> | null;
    return t as Node | null;
  };
  const renderBlock = (node: Node): Block => {
    // The conversion only asks its fragment for its children: here, this one block.
    const json = yXmlFragmentToProsemirrorJSON({ toArray: () => [node] } as unknown as Y.XmlFragment) as JSONContent;
    return { html: renderDocToHTML(json), empty: isEmptyDoc(json) };
  };
  fragment.observeDeep((events) => {
    for (const event of events) {
      const top = topLevelOf(event.target);
      if (top) blocks.delete(top);
    }
  });
  return () => {
    const out: string[] = [];
    let isEmpty = true;
    for (const node of fragment.toArray() as Node[]) {
      let block = blocks.get(node);
      if (!block) blocks.set(node, (block = renderBlock(node)));
      out.push(block.html);
      isEmpty &&= block.empty;
    }
    return { html: out.join(""), isEmpty, blocks: out };
  };
}
