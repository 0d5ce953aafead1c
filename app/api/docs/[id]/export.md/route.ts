import { requireActor } from "@/lib/auth/session";
import { exportDocMarkdown } from "@/lib/docs/markdown";
import { getBaseUrl } from "@/lib/http/base-url";
import { handle } from "@/lib/http/route";

type Ctx = { params: Promise<{ id: string }> };

/** GET /api/docs/{id}/export.md → the doc as Markdown in the template's shape, footer included. */
export const GET = handle(async (req, { params }: Ctx) => {
  const actor = await requireActor();
  const { id } = await params;
  const { filename, markdown } = await exportDocMarkdown(actor, id, { baseUrl: getBaseUrl(req.headers) });
  return new Response(markdown, {
    headers: {
      "Content-Type": "text/markdown; charset=utf-8",
      "Content-Disposition": `attachment; filename="${filename.replace(/[^a-z0-9.-]/gi, "_")}"`,
      "Cache-Control": "no-store",
    },
  });
});
