import type { JSONContent } from "@tiptap/core";
import { imageSrcKind } from "@/lib/editor/image-src";

export type ImageRef = { src: string; alt: string; title: string; width?: string; height?: string; size?: string };

const SIZES = new Set(["small", "medium", "large", "full"]);
const pixels = (v: string | undefined) => (v && /^\d{1,5}$/.test(v) && Number(v) > 0 ? Number(v) : null);
export type ImageOptions = { remoteImages: boolean };

/**
 * An image in imported Markdown (issue 15): an upload here or a file that lived beside
 * the Markdown becomes an image node (the latter a placeholder naming the missing file
 * until someone uploads it); a web image stays an image only where the workspace allows
 * remote images (off by default: loading one tells that site who reads the doc),
 * otherwise it is a link to it named by its alt text. Blocks are lifted out of their
 * paragraph by ./blocks.ts.
 */
export function imageNode(image: ImageRef, options: ImageOptions): JSONContent[] {
  const src = image.src.trim();
  const alt = image.alt.replace(/\s+/g, " ").trim() || null;
  const caption = image.title.trim() || null;
  const kind = imageSrcKind(src);
  if (kind === "uploaded" || kind === "missing" || (kind === "remote" && options.remoteImages))
    return [
      {
        type: "image",
        attrs: {
          src,
          alt,
          caption,
          width: pixels(image.width),
          height: pixels(image.height),
          size: image.size && SIZES.has(image.size) ? image.size : null,
        },
      },
    ];
  if (/^https?:\/\/\S+$/i.test(src)) {
    const text = alt ?? (src.split(/[?#]/)[0]!.split("/").filter(Boolean).pop() || "image");
    return [{ type: "text", text, marks: [{ type: "link", attrs: { href: src } }] }];
  }
  return alt ? [{ type: "text", text: alt }] : [];
}

/** Where an image cannot be a block (a heading): its words. */
export function imagesAsText(nodes: JSONContent[]): JSONContent[] {
  return nodes.flatMap((n) => {
    if (n.type !== "image") return [n];
    const text = String(n.attrs?.alt ?? n.attrs?.caption ?? "");
    return text ? [{ type: "text", text }] : [];
  });
}
