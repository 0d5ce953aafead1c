import type { JSONContent } from "@tiptap/core";
import { attrs, escapeText } from "./escape";
import { imageBox, missingImageLabel, type ImageAttrs } from "./image";
import { imageSrcKind, IMAGE_SIZES } from "./image-src";

const str = (v: unknown): string | null => (typeof v === "string" && v.length > 0 ? v : null);
const int = (v: unknown): number | null => (typeof v === "number" && Number.isSafeInteger(v) && v > 0 ? v : null);

/**
 * An image node as HTML: the markup of the editor's toDOM (./image.ts), so the editor takes
 * the read view's place without a jump. width/height let the browser reserve the box before
 * the bytes arrive; every image is lazy (the doc page makes its first one eager: lib/media/page-images.ts).
 * A src the validator would refuse (old data) or a relative path prints the placeholder, never an <img>.
 */
export function renderImage(node: JSONContent): string {
  const a = (node.attrs ?? {}) as Record<string, unknown>;
  const src = typeof a.src === "string" ? a.src : "";
  const alt = str(a.alt);
  const caption = str(a.caption);
  const size = (IMAGE_SIZES as readonly unknown[]).includes(a.size) ? (a.size as string) : null;
  const kind = imageSrcKind(src);
  const figure = { "data-type": "image", class: "doc-image", "data-size": size };
  const figcaption = caption ? `<figcaption>${escapeText(caption)}</figcaption>` : "";
  if (kind !== "uploaded" && kind !== "remote") {
    const label = missingImageLabel(src, alt);
    const boxAttrs = attrs({ class: "doc-image-missing", role: "img", "aria-label": label });
    const box = `<div${boxAttrs}>${escapeText(label)}</div>`;
    return `<figure${attrs({ ...figure, "data-src": src })}>${box}${figcaption}</figure>`;
  }
  const box = imageBox({ width: int(a.width), height: int(a.height) } satisfies Pick<ImageAttrs, "width" | "height">);
  const img = attrs({
    src,
    alt: alt ?? "",
    width: box?.width,
    height: box?.height,
    referrerpolicy: kind === "remote" ? "no-referrer" : null,
    loading: "lazy",
    decoding: "async",
  });
  return `<figure${attrs(figure)}><img${img}>${figcaption}</figure>`;
}
