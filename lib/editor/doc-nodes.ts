import { Mark, Node, mergeAttributes } from "@tiptap/core";
import Heading from "@tiptap/extension-heading";

/**
 * What real design docs carry beyond StarterKit, as schema the browser, the
 * validator, the renderer (./render-html.ts) and Markdown (lib/markdown) share:
 * stable heading ids, super/subscript and keys, collapsible blocks, footnotes.
 * Tiptap's own details extension is not served at our pinned version, so these
 * are ours. In the editor they show open and plain; the read view renders real
 * `<details>` and numbered, linked footnotes.
 */

/** Headings keep an `id` once they have one, so links to them survive edits of their text. */
export const HeadingWithId = Heading.extend({
  addAttributes() {
    return {
      ...this.parent?.(),
      id: {
        default: null,
        parseHTML: (el: HTMLElement) => el.getAttribute("id"),
        renderHTML: (attrs: { id?: string | null }) => (attrs.id ? { id: attrs.id } : {}),
      },
    };
  },
});

const simpleMark = (name: string, tag: string, excludes?: string) =>
  Mark.create({
    name,
    excludes,
    parseHTML: () => [{ tag }],
    renderHTML: ({ HTMLAttributes }) => [tag, mergeAttributes(HTMLAttributes), 0],
  });

export const Superscript = simpleMark("superscript", "sup", "subscript");
export const Subscript = simpleMark("subscript", "sub", "superscript");
export const Kbd = simpleMark("kbd", "kbd");

export const Details = Node.create({
  name: "details",
  group: "block",
  content: "detailsSummary detailsContent",
  defining: true,
  parseHTML: () => [{ tag: "details" }, { tag: 'div[data-type="details"]' }],
  renderHTML: () => ["div", { "data-type": "details", class: "details" }, 0],
});

export const DetailsSummary = Node.create({
  name: "detailsSummary",
  content: "inline*",
  defining: true,
  parseHTML: () => [{ tag: "summary" }, { tag: 'div[data-type="detailsSummary"]' }],
  renderHTML: () => ["div", { "data-type": "detailsSummary", class: "details-summary" }, 0],
});

export const DetailsContent = Node.create({
  name: "detailsContent",
  content: "block+",
  defining: true,
  parseHTML: () => [{ tag: 'div[data-type="detailsContent"]' }],
  renderHTML: () => ["div", { "data-type": "detailsContent", class: "details-content" }, 0],
});

const label = {
  default: "1",
  parseHTML: (el: HTMLElement) => el.getAttribute("data-footnote"),
  renderHTML: (attrs: { label?: string }) => ({ "data-footnote": attrs.label }),
};

export const FootnoteReference = Node.create({
  name: "footnoteReference",
  group: "inline",
  inline: true,
  atom: true,
  selectable: true,
  addAttributes: () => ({ label }),
  parseHTML: () => [{ tag: "sup[data-footnote]" }],
  renderHTML: ({ node, HTMLAttributes }) => [
    "sup",
    mergeAttributes(HTMLAttributes, { class: "footnote-ref" }),
    [
      "a",
      { href: `#fn-${node.attrs.label as string}`, id: `fnref-${node.attrs.label as string}` },
      node.attrs.label as string,
    ],
  ],
  renderText: ({ node }) => `[${node.attrs.label as string}]`,
});

export const Footnotes = Node.create({
  name: "footnotes",
  group: "block",
  content: "footnote+",
  parseHTML: () => [{ tag: "ol.footnotes" }],
  renderHTML: () => ["ol", { class: "footnotes" }, 0],
});

export const Footnote = Node.create({
  name: "footnote",
  content: "paragraph block*",
  defining: true,
  addAttributes: () => ({ label }),
  parseHTML: () => [{ tag: "li[data-footnote]" }],
  renderHTML: ({ node, HTMLAttributes }) => [
    "li",
    mergeAttributes(HTMLAttributes, { id: `fn-${node.attrs.label as string}` }),
    0,
  ],
});

export const docNodes = [Superscript, Subscript, Kbd, Details, DetailsSummary, DetailsContent];
export const footnoteNodes = [FootnoteReference, Footnotes, Footnote];
