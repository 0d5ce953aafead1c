import { Extension } from "@tiptap/core";
import type { Node as PMNode } from "@tiptap/pm/model";
import { Plugin, PluginKey } from "@tiptap/pm/state";
import { Decoration, DecorationSet } from "@tiptap/pm/view";
import { isCodeLanguageId } from "@/lib/editor/code-languages";

/*
 * Code block highlighting in the editor, fetched where it is needed: lowlight with highlight.js's core
 * (lib/editor/lowlight.ts) and the grammars a section uses arrive when a code block has a language to highlight
 * (opened with one, typed, pasted, picked in the toolbar). Sections without code, and plain-text or diagram
 * blocks, never load them. Until they are here a block shows as plain text; then the plugin paints it, in the
 * same classes as the server's HTML (lib/editor/highlight-html.ts) so the colours do not change on editing.
 */
type Highlighter = typeof import("@/lib/editor/lowlight");

let highlighter: Highlighter | null = null;
let loading: Promise<Highlighter> | null = null;

function loadHighlighter(): Promise<Highlighter> {
  loading ??= import("@/lib/editor/lowlight").then(
    (module) => (highlighter = module),
    (error: unknown) => {
      loading = null; // offline: blocks stay plain text; the next change tries again
      throw error;
    },
  );
  return loading;
}

type Block = { node: PMNode; pos: number };

function codeBlocks(doc: PMNode): Block[] {
  const blocks: Block[] = [];
  doc.descendants((node, pos) => {
    if (node.type.name === "codeBlock") blocks.push({ node, pos });
    return !node.isTextblock;
  });
  return blocks;
}

const language = (node: PMNode) => (node.attrs.language as string | null) ?? null;

/** Languages of these blocks that have a grammar to fetch and do not have it yet (plain text needs none). */
function missingLanguages(nodes: readonly PMNode[]): Set<string> {
  const missing = new Set<string>();
  for (const node of nodes) {
    const lang = language(node);
    if (!lang || lang === "plaintext" || !isCodeLanguageId(lang) || node.content.size === 0) continue;
    if (!highlighter?.isKnownLanguage(lang)) missing.add(lang);
  }
  return missing;
}

type Ranges = ReturnType<Highlighter["highlightRanges"]>;

// A block's highlighting by the node itself (ProseMirror keeps unchanged nodes identical across edits), so a
// keystroke outside a code block, or in another one, highlights nothing again.
const highlighted = new WeakMap<PMNode, Ranges>();

function paint({ node, pos }: Block): Decoration[] {
  if (!highlighter) return [];
  let ranges = highlighted.get(node);
  if (!ranges) {
    ranges = highlighter.highlightRanges(language(node), node.textContent);
    // Kept only once the grammar is here: before that the block is plain text for now, not for good.
    if (!missingLanguages([node]).size) highlighted.set(node, ranges);
  }
  return ranges.map((r) => Decoration.inline(pos + 1 + r.from, pos + 1 + r.to, { class: r.className }));
}

type HighlightState = { blocks: PMNode[]; decorations: DecorationSet };

function build(doc: PMNode, blocks = codeBlocks(doc)): HighlightState {
  return { blocks: blocks.map((b) => b.node), decorations: DecorationSet.create(doc, blocks.flatMap(paint)) };
}

const sameBlocks = (a: readonly PMNode[], b: readonly Block[]) =>
  a.length === b.length && a.every((node, i) => node === b[i]!.node);

const codeHighlightKey = new PluginKey<HighlightState>("codeHighlight");
/** Meta of the transaction that says grammars arrived: paint again. */
const ARRIVED = "codeHighlightArrived";

export const CodeHighlight = Extension.create({
  name: "codeHighlight",
  addProseMirrorPlugins() {
    return [
      new Plugin<HighlightState>({
        key: codeHighlightKey,
        state: {
          init: (_, state) => build(state.doc),
          apply(tr, value, _old, next) {
            if (tr.getMeta(ARRIVED)) return build(next.doc);
            if (!tr.docChanged) return value;
            const blocks = codeBlocks(next.doc);
            // Edits elsewhere move the colours with the text; a changed, added or removed block paints again.
            if (sameBlocks(value.blocks, blocks))
              return { ...value, decorations: value.decorations.map(tr.mapping, tr.doc) };
            return build(next.doc, blocks);
          },
        },
        props: { decorations: (state) => codeHighlightKey.getState(state)?.decorations },
        view(view) {
          let fetching = false;
          const check = () => {
            const missing = missingLanguages(codeHighlightKey.getState(view.state)?.blocks ?? []);
            if (fetching || !missing.size) return;
            fetching = true;
            loadHighlighter()
              .then((module) => module.loadCodeLanguages(missing))
              .then(
                () => {
                  fetching = false;
                  if (view.isDestroyed) return;
                  view.dispatch(view.state.tr.setMeta(ARRIVED, true));
                  check(); // a language picked while these were on their way
                },
                () => {
                  fetching = false; // offline: blocks stay plain text; the next change tries again
                },
              );
          };
          check();
          return {
            update(updated, previous) {
              if (!updated.state.doc.eq(previous.doc)) check();
            },
          };
        },
      }),
    ];
  },
});
