import { Alert } from "@/components/ui/alert";
import type { ImportSummary } from "@/lib/docs/import/summary";

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

/** After an import: what went where, from the import's own record. */
export function ImportNotice({ summary }: { summary: ImportSummary }) {
  const { matched, extra, frontMatter } = summary;
  const authors = Array.isArray(frontMatter?.authors) ? (frontMatter.authors as string[]).join(", ") : null;
  const status = typeof frontMatter?.status === "string" ? frontMatter.status : null;
  const filled = matched
    ? `${plural(matched, "template section")} filled from the file.`
    : "No heading matched the template.";
  return (
    <Alert variant="success" className="mb-4" title="Imported from Markdown">
      <p>
        {filled}{" "}
        {extra.length
          ? `${extra.length === 1 ? "This heading" : "These headings"} became ` +
            `${extra.length === 1 ? "a section" : "sections"} of this doc: ${extra.join(", ")}.`
          : "Every heading matched a template section."}
      </p>
      {(authors || status) && (
        <p className="mt-1">
          From the file’s front matter:{" "}
          {[authors && `authors ${authors}`, status && `status “${status}”`].filter(Boolean).join(", ")}.
        </p>
      )}
    </Alert>
  );
}
