import "server-only";
import type { Actor } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { requireDocAccess } from "../access";

export type ImportSummary = { matched: number; extra: string[]; frontMatter: Record<string, unknown> | null };

const strings = (v: unknown): string[] =>
  Array.isArray(v) ? v.filter((x): x is string => typeof x === "string").slice(0, 50) : [];

/** What the import of this doc did, read from its audit record (never from the page URL). */
export async function getImportSummary(actor: Actor, docId: string): Promise<ImportSummary | null> {
  await requireDocAccess(actor, { id: docId }, "view");
  const event = await db.auditEvent.findFirst({
    where: { documentId: docId, type: "doc.imported" },
    orderBy: { createdAt: "desc" },
    select: { data: true },
  });
  if (!event) return null;
  const data = (event.data ?? {}) as Record<string, unknown>;
  const fm = data.frontMatter;
  return {
    matched: strings(data.matched).length,
    extra: strings(data.extra),
    frontMatter: fm && typeof fm === "object" && !Array.isArray(fm) ? (fm as Record<string, unknown>) : null,
  };
}
