import "server-only";
import type { Actor } from "@/lib/auth/session";
import { docToMarkdownFile } from "@/lib/markdown/export";
import { withAbsoluteImageUrls, withUploadedImageSrc } from "@/lib/media/export";
import { formatReviewedBy, getReviewedByStamps } from "@/lib/reviews/stamps";
import { getDocForViewer } from "./queries";
import { formatStampDate } from "./stamps";

export { importMarkdown } from "./import/import-markdown";

/**
 * Markdown in the template's shape: `# Title`, one `##` per section, the derived
 * footer last. Import reads it back as the same doc: the placeholder of an empty
 * section and the footer are not content, and in-page links keep their targets.
 * With `baseUrl`, uploaded images are linked by their full app URL (lib/media/export.ts); with `imageSrc`, by what it
 * says (a workspace archive's own files).
 */
export async function exportDocMarkdown(
  actor: Actor,
  docId: string,
  opts: { baseUrl?: string; imageSrc?: (imageId: string) => string } = {},
): Promise<{ filename: string; markdown: string }> {
  const viewed = await getDocForViewer(actor, { id: docId });
  const { baseUrl, imageSrc } = opts;
  const sections = viewed.sections.map((s) => {
    if (imageSrc) return { ...s, content: withUploadedImageSrc(s.content, imageSrc) };
    return baseUrl ? { ...s, content: withAbsoluteImageUrls(s.content, baseUrl) } : s;
  });
  const doc = { ...viewed, sections };
  const stamps = await getReviewedByStamps(doc.id);
  const reviewedBy = stamps.length ? stamps.map(formatReviewedBy).join("; ") : "—";
  const footer = [
    `**Last Updated:** ${formatStampDate(doc.updatedAt)} by ${doc.updatedBy.name}  `,
    `**Reviewed By:** ${reviewedBy}`,
  ].join("\n");
  return { filename: `${doc.slug}.md`, markdown: docToMarkdownFile(doc, footer) };
}
