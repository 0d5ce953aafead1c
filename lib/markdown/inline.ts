import type { JSONContent } from "@tiptap/core";
import type { Token } from "./token";
import { isRelativeHref, isSafeHref, MAX_HREF_LENGTH } from "@/lib/editor/links";
import { classifyInlineHtml } from "./html";
import { imageNode, type ImageOptions } from "./images";
import { normaliseMarks } from "./marks";
import { splitEdges } from "./serialize-inline";

type Mark = NonNullable<JSONContent["marks"]>[number];
type Open = { mark: Mark | null; token: string };

/** What inline parsing reports back to the block walker. */
export type InlineContext = {
  /** `<a name="x">` / `<a id="x">` anchors met in this run of inline content. */
  anchors: string[];
  /** Footnote ids in the order they are referenced. */
  footnoteRefs: number[];
  images: ImageOptions;
};

function decodeSafe(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/**
 * A Markdown link target as a link mark, or null to keep only the words:
 * web and mail links, in-page anchors and same-site paths as they are; a path
 * relative to the original file keeps its target (shown as a relative link);
 * other schemes (ftp:, tel:, javascript:…) keep the words only.
 */
export function linkMark(rawHref: string, title?: string | null): Mark | null {
  const href = rawHref.startsWith("#") ? `#${decodeSafe(rawHref.slice(1))}` : rawHref.trim();
  if (!href || href.length > MAX_HREF_LENGTH) return null;
  if (!isSafeHref(href) && !isRelativeHref(href)) return null;
  const attrs: Record<string, unknown> = { href };
  if (title && title.length <= 500) attrs.title = title;
  return { type: "link", attrs };
}

function pushText(out: JSONContent[], text: string, stack: readonly Open[]): void {
  if (!text) return;
  const marks = normaliseMarks(stack.flatMap((o) => (o.mark ? [o.mark] : [])));
  const last = out[out.length - 1];
  if (last?.type === "text" && JSON.stringify(last.marks) === JSON.stringify(marks)) {
    last.text += text;
    return;
  }
  out.push(marks ? { type: "text", text, marks } : { type: "text", text });
}

function pushNode(out: JSONContent[], node: JSONContent, stack: readonly Open[]): void {
  if (node.type !== "text") return void out.push(node);
  // A node built elsewhere (an image's link) joins the marks already open around it.
  const marks = normaliseMarks([...stack.flatMap((o) => (o.mark ? [o.mark] : [])), ...(node.marks ?? [])]);
  out.push(marks ? { type: "text", text: node.text, marks } : { type: "text", text: node.text });
}

function close(stack: Open[], token: string): void {
  for (let i = stack.length - 1; i >= 0; i--) {
    if (stack[i]!.token !== token) continue;
    stack.splice(i, 1);
    return;
  }
}

const SIMPLE: Record<string, string> = { strong: "bold", em: "italic", s: "strike" };

/** markdown-it inline tokens → Tiptap inline JSON (text, marks, hard breaks, footnote references). */
export function inlineToJson(children: readonly Token[], ctx: InlineContext): JSONContent[] {
  const out: JSONContent[] = [];
  const stack: Open[] = [];
  for (const token of children) {
    const kind = token.type.replace(/_(open|close)$/, "");
    if (SIMPLE[kind]) {
      if (token.nesting === 1) stack.push({ mark: { type: SIMPLE[kind]! }, token: kind });
      else close(stack, kind);
      continue;
    }
    switch (token.type) {
      case "text":
      case "text_special":
        pushText(out, token.content, stack);
        break;
      case "softbreak":
        // A line break inside a Markdown paragraph means a space, not a new line.
        pushText(out, " ", stack);
        break;
      case "hardbreak":
        out.push({ type: "hardBreak" });
        break;
      case "code_inline":
        stack.push({ mark: { type: "code" }, token: "code_inline" });
        pushText(out, token.content, stack);
        stack.pop();
        break;
      case "link_open":
        stack.push({
          mark: linkMark(String(token.attrGet("href") ?? ""), token.attrGet("title")?.toString()),
          token: "link",
        });
        break;
      case "link_close":
        close(stack, "link");
        break;
      case "image": {
        const alt = (token.children ?? []).map((c) => c.content).join("");
        const image = { src: String(token.attrGet("src") ?? ""), alt, title: String(token.attrGet("title") ?? "") };
        for (const node of imageNode(image, ctx.images)) pushNode(out, node, stack);
        break;
      }
      case "footnote_ref":
        ctx.footnoteRefs.push((token.meta as { id: number }).id);
        out.push({ type: "footnoteReference", attrs: { label: `fn${(token.meta as { id: number }).id}` } });
        break;
      case "html_inline":
        inlineHtml(out, stack, token.content, ctx);
        break;
      default:
        if (token.content) pushText(out, token.content, stack);
    }
  }
  return mergeTexts(splitEdges(out));
}

/**
 * Spaces at the edge of bold, italic or strike belong outside it, as Markdown can only write them
 * (`** a**` is no emphasis): the stored form is the one an export reads back.
 */
function mergeTexts(nodes: JSONContent[]): JSONContent[] {
  const out: JSONContent[] = [];
  for (const node of nodes) {
    const marks = node.marks?.length ? node.marks : undefined;
    const clean: JSONContent =
      node.type === "text" ? (marks ? { ...node, marks } : { type: "text", text: node.text }) : node;
    const last = out[out.length - 1];
    if (last?.type === "text" && clean.type === "text" && JSON.stringify(last.marks) === JSON.stringify(clean.marks))
      last.text += clean.text ?? "";
    else out.push(clean);
  }
  return out;
}

function inlineHtml(out: JSONContent[], stack: Open[], html: string, ctx: InlineContext): void {
  const tag = classifyInlineHtml(html);
  switch (tag.kind) {
    case "drop":
      return;
    case "break":
      return void out.push({ type: "hardBreak" });
    case "anchor":
      return void ctx.anchors.push(tag.id);
    case "image":
      for (const node of imageNode(tag, ctx.images)) pushNode(out, node, stack);
      return;
    case "open": {
      const mark = tag.mark === "link" ? linkMark(tag.attrs?.href ?? "", tag.attrs?.title) : { type: tag.mark };
      return void stack.push({ mark, token: `html:${tag.tag}` });
    }
    case "close":
      return close(stack, `html:${tag.tag}`);
    default:
      pushText(out, html, stack);
  }
}
