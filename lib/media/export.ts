import type { JSONContent } from "@tiptap/core";
import { MEDIA_PREFIX, mediaIdOf, mediaSrc } from "@/lib/editor/image-src";

/**
 * Exports name uploaded images by their full app URL (`https://review.example.com/media/<id>`):
 * the Markdown stays one file, and each link opens the image for whoever may read the doc.
 * Remote images and placeholders keep their src.
 */
export function withAbsoluteImageUrls(doc: JSONContent, baseUrl: string): JSONContent {
  const origin = baseUrl.replace(/\/+$/, "");
  return withUploadedImageSrc(doc, (id) => `${origin}${mediaSrc(id)}`);
}

/** Every uploaded image's src (`/media/<id>`) replaced by `srcOf(id)`; a workspace archive links its own files. */
export function withUploadedImageSrc(doc: JSONContent, srcOf: (imageId: string) => string): JSONContent {
  const walk = (node: JSONContent): JSONContent => {
    const id = node.type === "image" ? mediaIdOf(node.attrs?.src) : null;
    const out: JSONContent = id ? { ...node, attrs: { ...node.attrs, src: srcOf(id) } } : { ...node };
    if (node.content) out.content = node.content.map(walk);
    return out;
  };
  return walk(doc);
}

/**
 * The other way, for imports: an image URL of this app (`<baseUrl>/media/<id>`) back to its
 * stored form `/media/<id>`; null for anything else.
 */
export function appImageSrc(url: string, baseUrl: string): string | null {
  const origin = baseUrl.replace(/\/+$/, "");
  if (!url.startsWith(`${origin}${MEDIA_PREFIX}`)) return null;
  const src = url.slice(origin.length);
  return mediaIdOf(src) ? src : null;
}
