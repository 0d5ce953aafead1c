import "server-only";
import type { Actor } from "@/lib/auth/session";
import { recordAudit } from "@/lib/audit/record";
import { db, type Prisma } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { ReadyContent } from "@/lib/markdown/ready";
import { createDocSections } from "@/lib/docs/content";
import { randomSuffix, slugify } from "@/lib/slug";

export type ImportedSection = {
  key: string;
  title: string;
  extra: boolean;
  guidance: string;
  outline: Prisma.InputJsonValue | undefined;
  required: boolean;
  /** Validated content with its text and HTML (lib/markdown/ready.ts), or null for a section left empty. */
  content: ReadyContent | null;
};

/** Longest any one statement of an import may run (PostgreSQL cancels it: 57014). */
export const IMPORT_STATEMENT_LIMIT_MS = 15_000;

export type ImportCommit = {
  workspaceId: string;
  templateId: string;
  templateName: string;
  title: string;
  sections: ImportedSection[];
  audit: Prisma.InputJsonValue;
};

/**
 * The one place an import writes: the doc, every section with its content, and the
 * audit trail, in ONE transaction (a rejected import leaves nothing behind).
 * INVARIANT: content arrives validated (parseSectionContent). The sections and their
 * first versions (IMPORT, or CREATE for sections left empty) are written by the content
 * pipeline (lib/docs/content/create-sections.ts); nothing else in the import writes.
 */
export async function commitImport(actor: Actor, input: ImportCommit): Promise<{ id: string; slug: string }> {
  return db
    .$transaction(
      async (tx) => {
        // A net under the search index (its parser was once quadratic on hostile text: migration
        // 20261203081201): no statement of an import may hold its request and a connection for minutes.
        await tx.$executeRawUnsafe(`SET LOCAL statement_timeout = '${IMPORT_STATEMENT_LIMIT_MS}ms'`);
        const doc = await tx.document.create({
          data: {
            workspaceId: input.workspaceId,
            slug: `${slugify(input.title, 40) || "doc"}-${randomSuffix()}`,
            title: input.title,
            templateId: input.templateId,
            authorId: actor.id,
            updatedById: actor.id,
          },
          select: { id: true, slug: true },
        });
        await createDocSections(tx, { docId: doc.id, actorId: actor.id, sections: input.sections });
        const base = { workspaceId: input.workspaceId, documentId: doc.id, actorId: actor.id };
        await recordAudit(tx, {
          ...base,
          type: "doc.created",
          data: { title: input.title, template: input.templateName },
        });
        await recordAudit(tx, { ...base, type: "doc.imported", data: input.audit });
        return doc;
        // A 1 MB file is a few MB of rows: more than Prisma's default 5 s on a loaded machine.
      },
      { timeout: 30_000 },
    )
    .catch((error: unknown) => {
      if (!isStatementTimeout(error)) throw error;
      throw new AppError(
        "INVALID_INPUT",
        "Storing this file took too long. Split it into smaller files and import them.",
      );
    });
}

function isStatementTimeout(error: unknown): boolean {
  const seen = new Set<unknown>();
  let e: unknown = error;
  while (e && typeof e === "object" && !seen.has(e)) {
    seen.add(e);
    const { code, originalCode, message } = e as { code?: unknown; originalCode?: unknown; message?: unknown };
    if (code === "57014" || originalCode === "57014") return true;
    if (typeof message === "string" && /canceling statement due to statement timeout/.test(message)) return true;
    e = (e as { cause?: unknown }).cause;
  }
  return false;
}
