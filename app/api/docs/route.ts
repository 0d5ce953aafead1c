import { requireActor } from "@/lib/auth/session";
import { resolveWorkspaceId } from "@/lib/docs/api";
import { createDoc } from "@/lib/docs/create-doc";
import { listDocs } from "@/lib/docs/list-docs";
import { handle, json, readJson } from "@/lib/http/route";

/** GET /api/docs?workspace=&q=&status=&author=&archived=&sort= — docs the caller can read. */
export const GET = handle(async (req) => {
  const actor = await requireActor();
  const params = Object.fromEntries(new URL(req.url).searchParams);
  const workspaceId = await resolveWorkspaceId(actor, params.workspace);
  return json({ docs: await listDocs(actor, workspaceId, params) });
});

/** POST /api/docs { title, templateId?, workspace? } → 201 { id, slug, url } */
export const POST = handle(async (req) => {
  const actor = await requireActor();
  const body = (await readJson(req, 16 * 1024)) as Record<string, unknown> | null;
  const workspaceId = await resolveWorkspaceId(actor, typeof body?.workspace === "string" ? body.workspace : null);
  const doc = await createDoc(actor, workspaceId, body);
  return json({ ...doc, url: `/docs/${doc.slug}` }, { status: 201 });
});
