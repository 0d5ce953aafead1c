import { Extension } from "@tiptap/core";
import type { Node as PMNode } from "@tiptap/pm/model";
import { Plugin, PluginKey } from "@tiptap/pm/state";
import { Decoration, DecorationSet } from "@tiptap/pm/view";
import { isCodeLanguageId } from "@/lib/editor/code-languages";
import { highlightSeeds, seedKey, type HighlightSeeds } from "@/lib/editor/highlight-seed";
import type { HighlightRange } from "@/lib/editor/lowlight";

/*
 * Code block highlighting in the editor, fetched where it is needed: lowlight with highlight.js's core
 * (lib/editor/lowlight.ts) and the grammars a section uses arrive when a code block has a language to highlight
 * (typed, pasted, picked in the toolbar, or opened with one the server's HTML did not paint). Sections without
 * code, plain-text or diagram blocks, and code opened but not changed never load them: until its text changes a
 * block keeps the colours of the read view it replaced (lib/editor/highlight-seed.ts). The plugin paints in the
 * same classes as the server's HTML (lib/editor/highlight-html.ts), so the colours do not change on editing.
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

/** A block with a language whose grammar is not here yet (plain text needs none). */
function needsGrammar(node: PMNode): boolean {
  const lang = language(node);
  if (!lang || lang === "plaintext" || !isCodeLanguageId(lang) || node.content.size === 0) return false;
  return !highlighter?.isKnownLanguage(lang);
}

const seedOf = (seeds: HighlightSeeds, node: PMNode) => seeds.get(seedKey(language(node), node.textContent));

/** Languages to fetch for these blocks: those without their grammar, unless the server's colours still fit. */
function missingLanguages(nodes: readonly PMNode[], seeds: HighlightSeeds): Set<string> {
  const missing = new Set<string>();
  for (const node of nodes) if (needsGrammar(node) && !seedOf(seeds, node)) missing.add(language(node)!);
  return missing;
}

type Ranges = HighlightRange[];

// A block's highlighting by the node itself (ProseMirror keeps unchanged nodes identical across edits), so a
// keystroke outside a code block, or in another one, highlights nothing again.
const highlighted = new WeakMap<PMNode, Ranges>();

const decorate = (pos: number, ranges: Ranges) =>
  ranges.map((r) => Decoration.inline(pos + 1 + r.from, pos + 1 + r.to, { class: r.className }));

/**
 * A block waiting for its grammar keeps the server's colours while its text is as the server painted it, and
 * after an edit the colours it had (moved with the text) until the grammar is here: never a flash of plain code.
 */
function paint({ node, pos }: Block, seeds: HighlightSeeds, before: DecorationSet | null): Decoration[] {
  if (needsGrammar(node)) {
    const seed = seedOf(seeds, node);
    if (seed) return decorate(pos, seed);
    return before?.find(pos + 1, pos + node.nodeSize - 1) ?? [];
  }
  if (!highlighter) return [];
  let ranges = highlighted.get(node);
  if (!ranges) {
    ranges = highlighter.highlightRanges(language(node), node.textContent);
    highlighted.set(node, ranges);
  }
  return decorate(pos, ranges);
}

type HighlightState = { blocks: PMNode[]; decorations: DecorationSet };

function build(doc: PMNode, seeds: HighlightSeeds, blocks = codeBlocks(doc), before: DecorationSet | null = null) {
  const decorations = DecorationSet.create(
    doc,
    blocks.flatMap((block) => paint(block, seeds, before)),
  );
  return { blocks: blocks.map((b) => b.node), decorations };
}

const sameBlocks = (a: readonly PMNode[], b: readonly Block[]) =>
  a.length === b.length && a.every((node, i) => node === b[i]!.node);

const codeHighlightKey = new PluginKey<HighlightState>("codeHighlight");
/** Meta of the transaction that says grammars arrived: paint again. */
const ARRIVED = "codeHighlightArrived";

export const CodeHighlight = Extension.create<{ html: string }>({
  name: "codeHighlight",
  addOptions() {
    return { html: "" };
  },
  addProseMirrorPlugins() {
    // The section's read view as the server rendered it: its code blocks' colours (lib/editor/highlight-seed.ts).
    const seeds = highlightSeeds(this.options.html);
    return [
      new Plugin<HighlightState>({
        key: codeHighlightKey,
        state: {
          init: (_, state) => build(state.doc, seeds),
          apply(tr, value, _old, next) {
            if (!tr.docChanged && !tr.getMeta(ARRIVED)) return value;
            const moved = value.decorations.map(tr.mapping, tr.doc);
            const blocks = codeBlocks(next.doc);
            // Edits elsewhere move the colours with the text; a changed, added or removed block paints again.
            if (!tr.getMeta(ARRIVED) && sameBlocks(value.blocks, blocks)) return { ...value, decorations: moved };
            return build(next.doc, seeds, blocks, moved);
          },
        },
        props: { decorations: (state) => codeHighlightKey.getState(state)?.decorations },
        view(view) {
          let fetching = false;
          const check = () => {
            const missing = missingLanguages(codeHighlightKey.getState(view.state)?.blocks ?? [], seeds);
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
