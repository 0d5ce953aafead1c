import { requireActor } from "@/lib/auth/session";
import { resolveWorkspaceId } from "@/lib/docs/api";
import { importMarkdown } from "@/lib/docs/markdown";
import { MARKDOWN_IMPORT_MAX_BYTES } from "@/lib/docs/schemas";
import { handle, json, readJson } from "@/lib/http/route";

/** POST /api/docs/import { markdown, title?, templateId?, workspace? } → 201 { id, slug, matched, unmatched } */
export const POST = handle(async (req) => {
  const actor = await requireActor();
  const body = (await readJson(req, MARKDOWN_IMPORT_MAX_BYTES + 16 * 1024)) as Record<string, unknown> | null;
  const workspaceId = await resolveWorkspaceId(actor, typeof body?.workspace === "string" ? body.workspace : null);
  const result = await importMarkdown(actor, workspaceId, body);
  return json({ ...result, url: `/docs/${result.slug}` }, { status: 201 });
});
