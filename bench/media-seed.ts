/**
 * The media doc for the vitals and JS benches: the built-in template with 20 uploaded images
 * (10 drawn diagrams as PNG, 10 photos as JPEG, 1200–1600 px wide) spread over its sections,
 * 3 mermaid diagrams, and prose between them, written through the app's own upload and save.
 */
import type { JSONContent } from "@tiptap/core";
import sharp from "sharp";
import type { Actor } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { createDoc } from "@/lib/docs/create-doc";
import { saveSection } from "@/lib/docs/save-section";
import { uploadDocImage } from "@/lib/media/upload";

const IMAGES = 20;
const DIAGRAM_SECTIONS = [1, 4, 8];
const DIAGRAMS = [
  ["flowchart LR", "client[Web client] --> gw[API gateway]", "gw --> orders[Orders]", "gw --> pay[Payments]"],
  ["sequenceDiagram", "participant C as Client", "participant O as Orders", "C->>O: POST /orders", "O-->>C: 201"],
  ["stateDiagram-v2", "[*] --> Pending", "Pending --> Authorized", "Authorized --> Captured", "Captured --> [*]"],
].map((lines) => lines.join("\n  "));

const text = (t: string): JSONContent => ({ type: "paragraph", content: [{ type: "text", text: t }] });

/** A box-and-arrow drawing, as a screenshot of a diagram tool would be. */
function drawing(i: number): Promise<Buffer> {
  const font = 'font-family="sans-serif" text-anchor="middle"';
  const boxes = [0, 1, 2, 3]
    .map((b) => {
      const x = 60 + b * 330;
      const box = `<rect x="${x}" y="300" width="260" height="140" rx="12" fill="#e0e7ff" stroke="#4338ca"/>`;
      const label = `<text x="${x + 130}" y="380" font-size="34" ${font}>Service ${i}.${b}</text>`;
      const arrow = b < 3 ? `<path d="M${x + 262} 370 H${x + 326}" stroke="#1e293b" stroke-width="5"/>` : "";
      return box + label + arrow;
    })
    .join("");
  const title = `<text x="700" y="150" font-size="56" ${font}>Figure ${i}</text>`;
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="1400" height="800">${title}${boxes}</svg>`;
  return sharp(Buffer.from(svg)).flatten({ background: "#f8fafc" }).png().toBuffer();
}

/** A photo-like picture: smooth light with grain, which JPEG compresses as it does real photos. */
async function photo(i: number): Promise<Buffer> {
  const [w, h] = [1600, 1000];
  const px = Buffer.alloc(w * h * 3);
  for (let y = 0; y < h; y++)
    for (let x = 0; x < w; x++) {
      const o = (y * w + x) * 3;
      const grain = ((x * 7919 + y * 104729 + i * 31) % 23) - 11;
      px[o] = Math.max(0, Math.min(255, 90 + (x * 120) / w + grain));
      px[o + 1] = Math.max(0, Math.min(255, 120 + (y * 90) / h + grain));
      px[o + 2] = Math.max(0, Math.min(255, 160 - (x * 60) / w + grain));
    }
  return sharp(px, { raw: { width: w, height: h, channels: 3 } })
    .jpeg({ quality: 80 })
    .toBuffer();
}

export async function seedMediaDoc(actor: Actor, workspaceId: string) {
  const doc = await createDoc(actor, workspaceId, { title: "Checkout redesign, with figures" });
  const sections = await db.section.findMany({
    where: { documentId: doc.id },
    orderBy: { order: "asc" },
    select: { key: true, version: true },
  });
  const images: JSONContent[] = [];
  for (let i = 1; i <= IMAGES; i++) {
    const bytes = i % 2 ? await drawing(i) : await photo(i);
    const image = await uploadDocImage(actor, doc.id, { bytes, fileName: `figure-${i}.${i % 2 ? "png" : "jpg"}` });
    const attrs = { src: image.src, width: image.width, height: image.height, alt: `Figure ${i}` };
    images.push({ type: "image", attrs: { ...attrs, caption: `Figure ${i}: how the parts connect` } });
  }
  let next = 0;
  for (const [n, s] of sections.entries()) {
    const blocks: JSONContent[] = [
      text(`Section ${n + 1} explains the design choices for this part of checkout and what they cost.`),
    ];
    const share = Math.ceil((IMAGES - next) / (sections.length - n));
    for (let k = 0; k < share && next < IMAGES; k++) {
      blocks.push(images[next++]!, text("The figure above shows the flow between the services involved."));
    }
    const diagram = DIAGRAM_SECTIONS.indexOf(n);
    if (diagram >= 0)
      blocks.push({
        type: "codeBlock",
        attrs: { language: "mermaid" },
        content: [{ type: "text", text: DIAGRAMS[diagram]! }],
      });
    await saveSection(actor, doc.id, s.key, { baseVersion: s.version, content: { type: "doc", content: blocks } });
  }
  return { id: doc.id, slug: doc.slug, images: IMAGES, diagrams: DIAGRAM_SECTIONS.length };
}
