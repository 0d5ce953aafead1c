import type { JSONContent } from "@tiptap/core";
import type { Token } from "./token";
import { classifyBlockHtml } from "./html";
import { liftImages } from "@/lib/editor/image-markdown";
import { imageNode, imagesAsText, type ImageOptions } from "./images";
import { inlineToJson, type InlineContext } from "./inline";

/** A top-level block with the source line it starts on (1-based, in the parsed text). */
export type LinedBlock = { node: JSONContent; line: number; anchors: string[]; footnoteRefs: number[] };

export type ParsedBlocks = {
  blocks: LinedBlock[];
  /** Footnote id → its content blocks. */
  footnotes: Map<number, JSONContent[]>;
  /** Deepest container nesting met (markdown-it stops descending at its limit). */
  maxLevel: number;
};

type Frame = {
  node: JSONContent;
  line: number;
  /** `details` frames collect their body apart from their summary. */
  details?: { summary: string; body: JSONContent[] };
  footnote?: number;
  anchors: string[];
  footnoteRefs: number[];
};

const LANGUAGE = /^[A-Za-z0-9_+#.-]{1,40}$/;
const TASK = /^\[([ xX])\](?:\s+|$)/;

const OPENERS: Record<string, (t: Token) => JSONContent | null> = {
  paragraph_open: () => ({ type: "paragraph" }),
  heading_open: (t) => ({ type: "heading", attrs: { level: Number(t.tag.slice(1)) || 2 } }),
  blockquote_open: () => ({ type: "blockquote" }),
  bullet_list_open: () => ({ type: "bulletList" }),
  ordered_list_open: (t) => ({
    type: "orderedList",
    attrs: { start: Math.min(Math.max(Number(t.attrGet("start") ?? 1) || 1, 0), 1_000_000) },
  }),
  list_item_open: () => ({ type: "listItem" }),
  table_open: () => ({ type: "table" }),
  tr_open: () => ({ type: "tableRow" }),
  th_open: (t) => ({ type: "tableHeader", attrs: cellAttrs(t) }),
  td_open: (t) => ({ type: "tableCell", attrs: cellAttrs(t) }),
};

const CLOSERS = new Set([...Object.keys(OPENERS).map((k) => k.replace(/_open$/, "_close")), "footnote_close"]);

function cellAttrs(t: Token): Record<string, unknown> {
  const align = /text-align:\s*(left|center|right)/.exec(String(t.attrGet("style") ?? ""))?.[1];
  return align ? { align } : {};
}

function paragraph(content: JSONContent[]): JSONContent {
  return content.length ? { type: "paragraph", content } : { type: "paragraph" };
}

/** Raw HTML shown as what it is: its lines as text, never as markup. */
function textParagraph(text: string): JSONContent {
  const content: JSONContent[] = [];
  text.split(/\r?\n/).forEach((line, i) => {
    if (i > 0) content.push({ type: "hardBreak" });
    if (line) content.push({ type: "text", text: line });
  });
  return paragraph(content);
}

function taskOf(item: JSONContent): boolean | null {
  const first = item.content?.[0]?.content?.[0];
  if (item.content?.[0]?.type !== "paragraph" || first?.type !== "text") return null;
  const m = TASK.exec(first.text ?? "");
  return m ? m[1] !== " " : null;
}

function stripTask(item: JSONContent, checked: boolean): JSONContent {
  const [para, ...rest] = item.content!;
  const [first, ...inline] = para!.content!;
  const text = first!.text!.replace(TASK, "");
  const content = text ? [{ ...first, text }, ...inline] : inline;
  return { type: "taskItem", attrs: { checked }, content: [paragraph(content), ...rest] };
}

/** What a node must hold to be valid, filled in where Markdown left it out. */
function finish(node: JSONContent): JSONContent | JSONContent[] | null {
  const content = node.content ?? [];
  switch (node.type) {
    case "paragraph":
      // Nothing left once comments and anchors are taken out: no block at all.
      if (!content.length) return null;
      // Images are blocks of their own: a paragraph is split around them.
      return content.some((n) => n.type === "image") ? liftImages([node]) : node;
    case "heading":
      if (content.some((n) => n.type === "image")) node.content = imagesAsText(content);
      return node;
    case "listItem":
      if (content[0]?.type !== "paragraph") node.content = [paragraph([]), ...content];
      return node;
    case "blockquote":
    case "tableCell":
    case "tableHeader":
      if (content.length === 0) node.content = [paragraph([])];
      return node;
    case "bulletList":
    case "orderedList": {
      if (content.length === 0) return null;
      const tasks = content.map(taskOf);
      if (tasks.every((t) => t === null)) return node;
      // A list mixing tasks and plain items (as GitHub shows it): runs of each kind, in order.
      const runs: JSONContent[] = [];
      content.forEach((item, i) => {
        const type = tasks[i] === null ? node.type! : "taskList";
        const last = runs[runs.length - 1];
        const entry = tasks[i] === null ? item : stripTask(item, tasks[i]!);
        if (last?.type === type) last.content!.push(entry);
        else runs.push({ ...node, type, attrs: type === "taskList" ? undefined : node.attrs, content: [entry] });
      });
      return runs;
    }
    case "tableRow":
      return content.length ? node : null;
    case "table":
      return content.length ? node : null;
    default:
      return node;
  }
}

function codeBlock(t: Token): JSONContent {
  const language =
    (t.info ?? "")
      .trim()
      .split(/\s+/)[0]
      ?.replace(/^\{\.?|\}$/g, "") ?? "";
  const text = t.content.replace(/\n$/, "");
  const node: JSONContent = { type: "codeBlock", attrs: { language: LANGUAGE.test(language) ? language : null } };
  if (text) node.content = [{ type: "text", text }];
  return node;
}

/**
 * markdown-it's flat block tokens → Tiptap block JSON, with an explicit stack (no
 * recursion, so nesting depth costs memory, never the call stack). `<details>`
 * blocks become collapsible nodes spanning the Markdown between their tags.
 */
export function blocksToJson(tokens: readonly Token[], lineOffset: number, images: ImageOptions): ParsedBlocks {
  const root: Frame = { node: { type: "doc", content: [] }, line: 1, anchors: [], footnoteRefs: [] };
  const stack: Frame[] = [root];
  const blocks: LinedBlock[] = [];
  const footnotes = new Map<number, JSONContent[]>();
  let maxLevel = 0;
  let pendingAnchors: string[] = [];

  const top = () => stack[stack.length - 1]!;
  const lineOf = (t: Token) => (t.map ? t.map[0] + lineOffset : top().line);
  const append = (node: JSONContent, line: number, anchors: string[] = [], refs: number[] = []) => {
    const frame = top();
    if (frame === root) {
      blocks.push({ node, line, anchors: [...pendingAnchors, ...anchors], footnoteRefs: refs });
      pendingAnchors = [];
      return;
    }
    frame.anchors.push(...anchors);
    frame.footnoteRefs.push(...refs);
    if (frame.details) frame.details.body.push(node);
    else (frame.node.content ??= []).push(node);
  };
  const push = (node: JSONContent, line: number, extra: Partial<Frame> = {}) =>
    stack.push({ node, line, anchors: [], footnoteRefs: [], ...extra });
  const closeFrame = () => {
    const frame = stack.pop()!;
    if (frame.footnote !== undefined) return void footnotes.set(frame.footnote, frame.node.content ?? []);
    const node = frame.details ? details(frame.details) : finish(frame.node);
    if (Array.isArray(node))
      node.forEach((n, i) => append(n, frame.line, i ? [] : frame.anchors, i ? [] : frame.footnoteRefs));
    else if (node) append(node, frame.line, frame.anchors, frame.footnoteRefs);
    else if (top() === root) pendingAnchors.push(...frame.anchors);
    else top().anchors.push(...frame.anchors);
  };
  /** Close open `<details>` frames down to the container being closed. */
  const closeDetailsAbove = (depth: number) => {
    while (stack.length > depth && top().details) closeFrame();
  };

  for (const t of tokens) {
    maxLevel = Math.max(maxLevel, t.level);
    const open = OPENERS[t.type];
    if (open) {
      push(open(t)!, lineOf(t));
      continue;
    }
    if (CLOSERS.has(t.type)) {
      // Close whatever <details> were left open inside this container, then the container itself.
      while (stack.length > 1 && top().details) closeFrame();
      if (stack.length > 1) closeFrame();
      continue;
    }
    switch (t.type) {
      case "inline": {
        const ctx: InlineContext = { anchors: [], footnoteRefs: [], images };
        const frame = top();
        const inline = inlineToJson(t.children ?? [], ctx);
        frame.anchors.push(...ctx.anchors);
        frame.footnoteRefs.push(...ctx.footnoteRefs);
        const isCell = frame.node.type === "tableCell" || frame.node.type === "tableHeader";
        if (isCell) frame.node.content = liftImages([paragraph(inline)]);
        else frame.node.content = inline.length ? inline : undefined;
        break;
      }
      case "fence":
      case "code_block":
        append(codeBlock(t), lineOf(t));
        break;
      case "hr":
        append({ type: "horizontalRule" }, lineOf(t));
        break;
      case "html_block":
        htmlBlock(t);
        break;
      case "footnote_open":
        push({ type: "footnote" }, lineOf(t), { footnote: (t.meta as { id: number }).id });
        break;
      default:
        // thead/tbody, the footnote block and anchors, and any token a plugin adds: structure only.
        break;
    }
  }
  closeDetailsAbove(1);
  return { blocks, footnotes, maxLevel };

  function htmlBlock(t: Token): void {
    const html = classifyBlockHtml(t.content);
    const line = lineOf(t);
    if (html.openDetails) push({ type: "details" }, line, { details: { summary: html.summary ?? "", body: [] } });
    else if (html.summary !== null && top().details && !top().details!.summary) top().details!.summary = html.summary;
    if (html.anchors.length) {
      if (top() === root) pendingAnchors.push(...html.anchors);
      else top().anchors.push(...html.anchors);
    }
    for (const image of html.images) {
      const nodes = imageNode(image, images);
      if (nodes.length) append(nodes[0]!.type === "image" ? nodes[0]! : paragraph(nodes), line);
    }
    if (html.rule) append({ type: "horizontalRule" }, line);
    if (html.rest) append(textParagraph(html.rest), line);
    if (html.closeDetails && top().details) closeFrame();
  }
}

function details({ summary, body }: { summary: string; body: JSONContent[] }): JSONContent {
  const summaryNode: JSONContent = { type: "detailsSummary" };
  if (summary) summaryNode.content = [{ type: "text", text: summary }];
  return {
    type: "details",
    content: [summaryNode, { type: "detailsContent", content: body.length ? body : [paragraph([])] }],
  };
}
