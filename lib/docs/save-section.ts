import "server-only";
import type { Actor } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { metrics } from "@/lib/observability/metrics";
import { parseInput } from "@/lib/validation";
import { requireDocAccess } from "./access";
import { commitSectionContent } from "./content";
import { ZSaveSection } from "./schemas";

export type SavedSection = {
  version: number;
  updatedAt: Date;
  updatedBy: { id: string; name: string };
  changed: boolean;
  /** The doc revision this save made; absent when nothing changed. */ docRevision?: number;
};

/**
 * An editor save or an API PUT: `{ baseVersion, content }` from the request, committed
 * through the content pipeline (lib/docs/content/) on the version the writer loaded, so
 * a stale save is a 409 carrying the current content, never an overwrite.
 */
export async function saveSection(
  actor: Actor,
  docId: string,
  sectionKey: string,
  raw: unknown,
  source: "editor" | "api" = "editor",
): Promise<SavedSection> {
  const { doc, role } = await requireDocAccess(actor, { id: docId }, "edit");
  const { baseVersion, content } = parseInput(ZSaveSection, raw);
  const saved = await commitSectionContent(
    { docId: doc.id, sectionKey, content, basis: { kind: "version", version: baseVersion }, actor, source },
    { role },
  ).catch((error: unknown) => {
    if (error instanceof AppError && error.code === "CONFLICT") metrics().sectionSaves.inc({ result: "conflict" });
    throw error;
  });
  metrics().sectionSaves.inc({ result: "saved" }); // GET /api/metrics
  return {
    version: saved.version,
    updatedAt: saved.updatedAt,
    updatedBy: saved.updatedBy ?? { id: actor.id, name: actor.name },
    changed: saved.changed,
    ...(saved.docRevision !== undefined && { docRevision: saved.docRevision }),
  };
}
