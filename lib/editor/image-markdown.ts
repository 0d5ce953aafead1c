import type { JSONContent } from "@tiptap/core";
import { imageSrcKind } from "./image-src";

type ImageToken = { href?: string; text?: string; title?: string | null };

/**
 * `![alt](src "title")` → an image node (the title becomes its caption) when the src is one
 * the schema allows (lib/editor/image-src.ts); otherwise the alt text, linked when the
 * address is a plain web link, so nothing is lost and nothing unsafe is kept. Workspace
 * policy for remote images is the importer's to apply on top.
 */
export function imageFromMarkdown(token: ImageToken): JSONContent {
  const src = (token.href ?? "").trim();
  const alt = token.text?.trim() || null;
  if (imageSrcKind(src)) return { type: "image", attrs: { src, alt, caption: token.title?.trim() || null } };
  const text = alt ?? src;
  if (!text) return { type: "text", text: " " };
  return /^https?:\/\//i.test(src)
    ? { type: "text", text, marks: [{ type: "link", attrs: { href: src } }] }
    : { type: "text", text };
}

/**
 * Markdown puts images inside paragraphs; in our schema an image is a block of its own. A
 * paragraph holding images is split around them (empty pieces dropped), in order.
 */
export function liftImages(blocks: JSONContent[]): JSONContent[] {
  return blocks.flatMap((block) => {
    if (block.type !== "paragraph" || !block.content?.some((n) => n.type === "image")) return [block];
    const out: JSONContent[] = [];
    let run: JSONContent[] = [];
    const flush = () => {
      const trimmed = run.filter((n, i) => !(n.type === "hardBreak" && (i === 0 || i === run.length - 1)));
      if (trimmed.some((n) => n.type !== "text" || n.text?.trim())) out.push({ ...block, content: trimmed });
      run = [];
    };
    for (const node of block.content) {
      if (node.type === "image") {
        flush();
        out.push(node);
      } else run.push(node);
    }
    flush();
    return out;
  });
}
