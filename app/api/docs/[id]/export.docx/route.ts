import { requireActor } from "@/lib/auth/session";
import { exportDocDocx } from "@/lib/docx/export";
import { getBaseUrl } from "@/lib/http/base-url";
import { handle } from "@/lib/http/route";

type Ctx = { params: Promise<{ id: string }> };

/** GET /api/docs/{id}/export.docx → the doc as a Word file in the template's shape, footer stamps included. */
export const GET = handle(async (req, { params }: Ctx) => {
  const actor = await requireActor();
  const { id } = await params;
  const { filename, bytes } = await exportDocDocx(actor, id, { baseUrl: getBaseUrl(req.headers) });
  return new Response(new Uint8Array(bytes), {
    headers: {
      "Content-Type": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
      "Content-Disposition": `attachment; filename="${filename.replace(/[^a-z0-9.-]/gi, "_")}"`,
      "Cache-Control": "no-store",
    },
  });
});
