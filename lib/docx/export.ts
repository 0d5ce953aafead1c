import "server-only";
import { AlignmentType, Document, Footer, LevelFormat, Packer, Paragraph, TextRun, HeadingLevel } from "docx";
import type { Actor } from "@/lib/auth/session";
import { getDocForViewer } from "@/lib/docs/queries";
import { formatStampDate } from "@/lib/docs/stamps";
import { isEmptyDoc } from "@/lib/editor/text";
import { withAbsoluteImageUrls } from "@/lib/media/export";
import { formatReviewedBy, getReviewedByStamps } from "@/lib/reviews/stamps";
import { blocks, ORDERED, sectionHeading } from "./blocks";

const FONT = "Calibri";

/** 1., a., i., then again: one level per nesting, as Word numbers its own lists. */
const orderedLevels = Array.from({ length: 9 }, (_, level) => ({
  level,
  format: [LevelFormat.DECIMAL, LevelFormat.LOWER_LETTER, LevelFormat.LOWER_ROMAN][level % 3]!,
  text: `%${level + 1}.`,
  alignment: AlignmentType.START,
  style: { paragraph: { indent: { left: 720 * (level + 1), hanging: 360 } } },
}));

/**
 * The doc as a Word file in the template's shape: the title, one Heading 1 per section ("Not written yet." for an
 * empty one) with inner headings, lists, tables, code and links kept, images as links to them; the footer stamps
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
  const ctx = { origin, nextList: () => ++lists };

  const children: ReturnType<typeof blocks> = [
    new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(doc.title)] }),
  ];
  for (const section of doc.sections) {
    children.push(sectionHeading(section.key, section.title));
    if (isEmptyDoc(section.content)) {
      children.push(new Paragraph({ children: [new TextRun({ text: "Not written yet.", italics: true })] }));
    } else {
      children.push(...blocks(withAbsoluteImageUrls(section.content, origin).content ?? [], ctx));
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
    numbering: { config: [{ reference: ORDERED, levels: orderedLevels }] },
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
