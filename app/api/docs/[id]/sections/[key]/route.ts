import { requireActor } from "@/lib/auth/session";
import { getSectionForViewer } from "@/lib/docs/queries";
import { saveSection } from "@/lib/docs/save-section";
import { MAX_SECTION_BYTES } from "@/lib/editor/validate";
import { handle, json, readJson } from "@/lib/http/route";

type Ctx = { params: Promise<{ id: string; key: string }> };

/**
 * GET /api/docs/{id}/sections/{key} → 200 the section with its Tiptap JSON (the editor fetches it when editing starts)
 * · 404.
 */
export const GET = handle(async (_req, { params }: Ctx) => {
  const actor = await requireActor();
  const { id, key } = await params;
  return json(await getSectionForViewer(actor, id, key));
});

/**
 * PUT /api/docs/{id}/sections/{key} { baseVersion, content }
 * → 200 { version, updatedAt } · 409 { error, current } on a stale baseVersion · 422 on invalid content.
 */
export const PUT = handle(async (req, { params }: Ctx) => {
  const actor = await requireActor();
  const { id, key } = await params;
  // The envelope may be a little larger than the content limit the domain enforces.
  const body = await readJson(req, MAX_SECTION_BYTES + 64 * 1024);
  const saved = await saveSection(actor, id, key, body, "api");
  return json({
    version: saved.version,
    updatedAt: saved.updatedAt.toISOString(),
    updatedBy: saved.updatedBy,
    changed: saved.changed,
  });
});
