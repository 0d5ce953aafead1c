import type MarkdownIt from "markdown-it";
import type { Token } from "./token";

type StateCore = Parameters<ReturnType<typeof MarkdownIt>["core"]["process"]>[0];

type FootnoteEntry = { label?: string; count?: number; content?: string; tokens?: Token[] };

/**
 * markdown-it-footnote's core rule, linear: the plugin's own `footnote_tail` appends each
 * footnote with `tokens = tokens.concat(…)`, copying the whole token stream once per footnote
 * (a 150 KB document with a few hundred footnotes spent most of its parse there). Same tokens
 * out: definitions leave the flow; at the end a footnote block, per footnote its paragraph or
 * its definition's blocks, one anchor per reference, inside the last paragraph.
 */
export function footnoteTail(state: StateCore): void {
  const env = state.env as { footnotes?: { list?: FootnoteEntry[] } };
  if (!env.footnotes) return;
  const kept: Token[] = [];
  const definitions = new Map<string, Token[]>();
  let current: Token[] | null = null;
  let label = "";
  for (const token of state.tokens) {
    if (token.type === "footnote_reference_open") {
      current = [];
      label = String((token.meta as { label?: unknown }).label);
    } else if (token.type === "footnote_reference_close") {
      definitions.set(label, current ?? []);
      current = null;
    } else if (current) current.push(token);
    else kept.push(token);
  }
  state.tokens = kept;
  const list = env.footnotes.list;
  if (!list) return;
  const out = kept;
  out.push(new state.Token("footnote_block_open", "", 1));
  list.forEach((entry, id) => {
    const open = new state.Token("footnote_open", "", 1);
    open.meta = { id, label: entry.label };
    out.push(open);
    if (entry.tokens) {
      const paragraphOpen = new state.Token("paragraph_open", "p", 1);
      paragraphOpen.block = true;
      const inline = new state.Token("inline", "", 0);
      inline.children = entry.tokens;
      inline.content = entry.content ?? "";
      const paragraphClose = new state.Token("paragraph_close", "p", -1);
      paragraphClose.block = true;
      out.push(paragraphOpen, inline, paragraphClose);
    } else if (entry.label) {
      for (const token of definitions.get(entry.label) ?? []) out.push(token);
    }
    const lastParagraph = out[out.length - 1]?.type === "paragraph_close" ? out.pop()! : null;
    const anchors = entry.count && entry.count > 0 ? entry.count : 1;
    for (let subId = 0; subId < anchors; subId++) {
      const anchor = new state.Token("footnote_anchor", "", 0);
      anchor.meta = { id, subId, label: entry.label };
      out.push(anchor);
    }
    if (lastParagraph) out.push(lastParagraph);
    out.push(new state.Token("footnote_close", "", -1));
  });
  out.push(new state.Token("footnote_block_close", "", -1));
}
