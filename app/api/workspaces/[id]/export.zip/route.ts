import { requireActor } from "@/lib/auth/session";
import { handle } from "@/lib/http/route";
import { exportWorkspaceArchive } from "@/lib/workspaces/export-archive";

type Ctx = { params: Promise<{ id: string }> };

/**
 * GET /api/workspaces/{id}/export.zip → the whole workspace as one zip (owners only): Markdown per doc, JSON of its
 * reviews, verdicts, comments and audit trail, every image, the workspace's audit trail. Streamed as it is built.
 */
export const GET = handle(
  async (_req, { params }: Ctx) => {
    const actor = await requireActor();
    const { id } = await params;
    const { filename, stream } = await exportWorkspaceArchive(actor, id);
    return new Response(stream, {
      headers: {
        "Content-Type": "application/zip",
        "Content-Disposition": `attachment; filename="${filename.replace(/[^a-z0-9.-]/gi, "_")}"`,
        "Cache-Control": "no-store",
      },
    });
  },
  { scope: "admin" },
);
