import type { JSONContent } from "@tiptap/core";
import { ExternalHyperlink, ImageRun, Paragraph, TextRun } from "docx";
import { mediaIdOf } from "@/lib/editor/image-src";
import { missingImageLabel } from "@/lib/editor/image";

/** An uploaded image's bytes in a format Word shows (lib/docx/images.ts), with its own size in pixels. */
export type EmbeddedImage = {
  data: Buffer;
  type: "png" | "jpg" | "gif";
  width: number;
  height: number;
  fileName: string | null;
};

/**
 * The text column of the default page (A4, 1-inch margins: 6.27 in) in Word's pixels (96 to the inch). The size
 * presets are shares of it, as on the page (app/media.css); an image without one keeps its own width up to it.
 */
export const COLUMN_PX = 600;
const SHARE = { small: 0.33, medium: 0.5, large: 0.75, full: 1 } as const;

export function embeddedSize(image: Pick<EmbeddedImage, "width" | "height">, size: unknown) {
  const share = typeof size === "string" && size in SHARE ? SHARE[size as keyof typeof SHARE] : null;
  const width = Math.max(1, Math.round(share ? COLUMN_PX * share : Math.min(image.width, COLUMN_PX)));
  return { width, height: Math.max(1, Math.round((width * image.height) / image.width)) };
}

function caption(text: string): Paragraph {
  return new Paragraph({ children: [new TextRun({ text, italics: true, size: 18, color: "475569" })] });
}

/**
 * An image node as Word paragraphs: an uploaded image the export could read is embedded (alt text, size preset,
 * caption under it); anything else stays a link to it (a remote image is never fetched by the server), and an
 * image not uploaded yet says which file it wants.
 */
export function imageBlocks(
  node: JSONContent,
  ctx: { images?: ReadonlyMap<string, EmbeddedImage>; absolute: (href: string) => string },
): Paragraph[] {
  const src = String(node.attrs?.src ?? "");
  const alt = typeof node.attrs?.alt === "string" && node.attrs.alt ? node.attrs.alt : null;
  const captionText = typeof node.attrs?.caption === "string" && node.attrs.caption ? node.attrs.caption : null;
  const id = mediaIdOf(src);
  const embedded = id ? ctx.images?.get(id) : undefined;
  if (embedded) {
    const run = new ImageRun({
      type: embedded.type,
      data: embedded.data,
      transformation: embeddedSize(embedded, node.attrs?.size),
      altText: { name: embedded.fileName ?? `image ${id}`, description: alt ?? "", title: captionText ?? "" },
    });
    return [new Paragraph({ children: [run] }), ...(captionText ? [caption(captionText)] : [])];
  }
  const href = ctx.absolute(src);
  if (!/^https?:/.test(href)) return [new Paragraph({ children: [new TextRun(missingImageLabel(src, alt))] })];
  const text = new TextRun({ text: `Image: ${alt ?? captionText ?? "image"}`, style: "Hyperlink", underline: {} });
  return [
    new Paragraph({ children: [new ExternalHyperlink({ link: href, children: [text] })] }),
    ...(captionText && alt ? [caption(captionText)] : []),
  ];
}
