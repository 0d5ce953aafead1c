import "server-only";
import { Document, Footer, Packer, Paragraph, TextRun, HeadingLevel } from "docx";
import type { Actor } from "@/lib/auth/session";
import { getDocForViewer } from "@/lib/docs/queries";
import { formatStampDate } from "@/lib/docs/stamps";
import { isEmptyDoc } from "@/lib/editor/text";
import { formatReviewedBy, getReviewedByStamps } from "@/lib/reviews/stamps";
import { blocks, sectionHeading } from "./blocks";
import { loadEmbeddedImages } from "./images";
import { orderedNumbering } from "./numbering";

const FONT = "Calibri";

/**
 * The doc as a Word file in the template's shape: the title, one Heading 1 per section ("Not written yet." for an
 * empty one) with inner headings, lists (and where each numbered list starts), tables, code and links kept, the doc's
 * uploaded images embedded (lib/docx/images.ts; remote ones as links); the footer stamps
 * (Last Updated, Reviewed By, stale approvals said as such) close the body and repeat in every page's footer.
 */
export async function exportDocDocx(
  actor: Actor,
  docId: string,
  opts: { baseUrl: string },
): Promise<{ filename: string; bytes: Buffer }> {
  const doc = await getDocForViewer(actor, { id: docId });
  const origin = opts.baseUrl.replace(/\/+$/, "");
  const stamps = await getReviewedByStamps(doc.id);
  const lastUpdated = `${formatStampDate(doc.updatedAt)} by ${doc.updatedBy.name}`;
  const reviewedBy = stamps.length ? stamps.map(formatReviewedBy).join("; ") : "—";
  let lists = 0;
  const images = await loadEmbeddedImages(
    actor,
    doc.sections.map((s) => s.content),
  );
  const ctx = { origin, nextList: () => ++lists, images };

  const children: ReturnType<typeof blocks> = [
    new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(doc.title)] }),
  ];
  for (const section of doc.sections) {
    children.push(sectionHeading(section.key, section.title));
    if (isEmptyDoc(section.content)) {
      children.push(new Paragraph({ children: [new TextRun({ text: "Not written yet.", italics: true })] }));
    } else {
      children.push(...blocks(section.content.content ?? [], ctx));
    }
  }
  const stampLines = [
    ["Last Updated: ", lastUpdated],
    ["Reviewed By: ", reviewedBy],
  ] as const;
  children.push(
    new Paragraph({ border: { top: { style: "single", size: 6, color: "CBD5E1", space: 8 } }, children: [] }),
    ...stampLines.map(
      ([label, value]) => new Paragraph({ children: [new TextRun({ text: label, bold: true }), new TextRun(value)] }),
    ),
  );

  const file = new Document({
    title: doc.title,
    creator: "Design Review",
    styles: { default: { document: { run: { font: FONT, size: 22 } } } },
    numbering: { config: [orderedNumbering] },
    sections: [
      {
        footers: {
          default: new Footer({
            children: stampLines.map(
              ([label, value]) =>
                new Paragraph({
                  children: [
                    new TextRun({ text: label, bold: true, size: 16, color: "475569" }),
                    new TextRun({ text: value, size: 16, color: "475569" }),
                  ],
                }),
            ),
          }),
        },
        children,
      },
    ],
  });
  return { filename: `${doc.slug}.docx`, bytes: await Packer.toBuffer(file) };
}
