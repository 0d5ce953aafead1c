import { z } from "zod";
import { cleanName } from "@/lib/names";

import { MARKDOWN_IMPORT_MAX_BYTES, TITLE_MAX } from "./limits";

export { MARKDOWN_IMPORT_MAX_BYTES, TITLE_MAX };

export const ZTitle = z
  .string({ error: "Give the doc a title" })
  .overwrite(cleanName)
  .min(1, "Give the doc a title")
  .max(TITLE_MAX, `Titles are at most ${TITLE_MAX} characters`);

export const ZCreateDoc = z.object({
  title: ZTitle,
  templateId: z.string().min(1, "Choose a template").max(64).optional(),
});
export type TCreateDoc = z.infer<typeof ZCreateDoc>;

export const ZSaveSection = z.object({
  baseVersion: z
    .number({ error: "baseVersion must be the section version your edit is based on" })
    .int()
    .min(1)
    .max(2_147_483_647),
  content: z.unknown(),
});

export const DOC_STATUSES = ["DRAFT", "IN_REVIEW", "CHANGES_REQUESTED", "APPROVED"] as const;

// URL parameters: a NUL cannot reach PostgreSQL text (22021), so search drops it and an author id with one matches
// nobody. In search syntax "-" means NOT: a run of them ("----", "- - -") nests a NOT per dash and past ~60
// PostgreSQL gives up ("tsquery stack too small"); a run means what one dash means.
export const ZDocListQuery = z.object({
  q: z
    .string()
    .transform((q) =>
      q
        .replaceAll("\0", "")
        .replace(/-(?:\s*-)+/g, "-")
        .trim(),
    )
    .pipe(z.string().max(200, "Search for at most 200 characters"))
    .optional()
    .catch(undefined),
  status: z.enum(DOC_STATUSES).optional().catch(undefined),
  author: z
    .string()
    .max(64)
    .refine((a) => !a.includes("\0"))
    .optional()
    .catch(undefined),
  archived: z.enum(["only", "include"]).optional().catch(undefined),
  sort: z.enum(["updated", "created", "title"]).default("updated").catch("updated"),
});
export type TDocListQuery = z.infer<typeof ZDocListQuery>;

/** The header's search (Ctrl/Cmd+K): fewer letters than this match too much to help a person jump anywhere. */
export const QUICK_SEARCH_MIN_CHARS = 2;

export const ZQuickSearch = z.object({
  q: z
    .string({ error: "Type something to search for" })
    .transform((q) => q.replaceAll("\0", "").trim())
    .pipe(z.string().max(200, "Search for at most 200 characters")),
});

export const ZImportMarkdown = z.object({
  markdown: z
    .string()
    .min(1, "The file is empty")
    // TextEncoder, not Node's Buffer: this file reaches the browser, where naming Buffer bundles a polyfill.
    .refine((s) => new TextEncoder().encode(s).length <= MARKDOWN_IMPORT_MAX_BYTES, "Markdown files are at most 1 MB"),
  title: ZTitle.optional(),
  templateId: z.string().max(64).optional(),
  /** The name of the file the user chose: the title when the file names none. */
  fileName: z.string().max(255).optional(),
});
