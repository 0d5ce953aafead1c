import { Node } from "@tiptap/core";
import type { DOMOutputSpec, Node as PMNode } from "@tiptap/pm/model";
import { imageSrcKind, IMAGE_SIZES, missingFileName, type ImageSize } from "./image-src";

/**
 * The `image` node: one picture (or the placeholder of one not uploaded yet) with an
 * optional caption, as a block of its own. Attributes (rules in ./attr-rules.ts):
 * - src: "/media/<id>" (uploaded, lib/media), "https://…" (remote: only where the workspace
 *   allows remote images), or a relative path from an import (a placeholder naming the file);
 *   see ./image-src.ts.
 * - alt: text for screen readers, null when none was written.
 * - caption: plain text shown under the image, null for none.
 * - width, height: the picture's own size in pixels (null when unknown), so the page reserves
 *   its box before the bytes arrive (no layout shift).
 * - size: the width preset, null (its own width, up to the column) | small | medium | large | full.
 * The server renderer (./render-image.ts) prints the same markup as toDOM here.
 */
export type ImageAttrs = {
  src: string;
  alt: string | null;
  caption: string | null;
  width: number | null;
  height: number | null;
  size: ImageSize | null;
};

const positiveInt = (value: string | null): number | null => {
  const n = value === null ? NaN : Number(value);
  return Number.isSafeInteger(n) && n > 0 && n <= 30_000 ? n : null;
};
const textOrNull = (value: string | null | undefined): string | null => {
  const trimmed = value?.trim().slice(0, 1000);
  return trimmed ? trimmed : null;
};

/** Width attributes as the renderer prints them: both or neither, so the box has a ratio. */
export function imageBox(attrs: Pick<ImageAttrs, "width" | "height">): { width: number; height: number } | null {
  const { width, height } = attrs;
  return typeof width === "number" && typeof height === "number" && width > 0 && height > 0 ? { width, height } : null;
}

export function missingImageLabel(src: string, alt: string | null): string {
  return `Image not uploaded yet: ${missingFileName(src)}${alt ? ` (${alt})` : ""}`;
}

function figureSpec(node: PMNode): DOMOutputSpec {
  const a = node.attrs as ImageAttrs;
  const kind = imageSrcKind(a.src);
  const figure: Record<string, string> = { "data-type": "image", class: "doc-image" };
  if (a.size) figure["data-size"] = a.size;
  const caption: DOMOutputSpec[] = a.caption ? [["figcaption", a.caption]] : [];
  if (kind !== "uploaded" && kind !== "remote") {
    const label = missingImageLabel(a.src, a.alt);
    const box: DOMOutputSpec = ["div", { class: "doc-image-missing", role: "img", "aria-label": label }, label];
    return ["figure", { ...figure, "data-src": a.src }, box, ...caption];
  }
  const img: Record<string, string> = { src: a.src, alt: a.alt ?? "" };
  const box = imageBox(a);
  if (box) Object.assign(img, { width: String(box.width), height: String(box.height) });
  if (kind === "remote") img.referrerpolicy = "no-referrer";
  Object.assign(img, { loading: "lazy", decoding: "async" });
  return ["figure", figure, ["img", img], ...caption];
}

function attrsFromImg(img: HTMLImageElement): Partial<ImageAttrs> | false {
  const src = img.getAttribute("src");
  const kind = imageSrcKind(src);
  // A pasted data: or blob: image arrives as a file too (the editor uploads that); http: and
  // other schemes are not images we can show.
  if (!src || !kind) return false;
  return {
    src,
    alt: textOrNull(img.getAttribute("alt")),
    width: positiveInt(img.getAttribute("width")),
    height: positiveInt(img.getAttribute("height")),
  };
}

export const Image = Node.create({
  name: "image",
  group: "block",
  atom: true,
  draggable: true,
  selectable: true,

  addAttributes() {
    // Read and written by parseHTML/renderHTML below, not attribute by attribute.
    const attr = (fallback: unknown = null) => ({ default: fallback, rendered: false });
    return { src: attr(""), alt: attr(), caption: attr(), width: attr(), height: attr(), size: attr() };
  },

  parseHTML() {
    return [
      {
        tag: 'figure[data-type="image"]',
        getAttrs: (el) => {
          const figure = el as HTMLElement;
          const img = figure.querySelector("img");
          const fromImg = img ? attrsFromImg(img) : { src: figure.getAttribute("data-src") ?? "" };
          if (!fromImg || !imageSrcKind(fromImg.src)) return false;
          const size = figure.getAttribute("data-size");
          return {
            ...fromImg,
            caption: textOrNull(figure.querySelector("figcaption")?.textContent),
            size: (IMAGE_SIZES as readonly string[]).includes(size ?? "") ? size : null,
          };
        },
      },
      { tag: "img[src]", getAttrs: (el) => attrsFromImg(el as HTMLImageElement) },
    ];
  },

  renderHTML({ node }) {
    return figureSpec(node);
  },

  renderText({ node }) {
    return (node.attrs as ImageAttrs).caption ?? (node.attrs as ImageAttrs).alt ?? "";
  },
});
