import { requireActor } from "@/lib/auth/session";
import { createThread } from "@/lib/comments/create-thread";
import { listThreads } from "@/lib/comments/queries";
import { handle, json, readJson } from "@/lib/http/route";

type Ctx = { params: Promise<{ id: string }> };

/** GET /api/docs/{id}/comments → { threads[], me } (names only, never emails). */
export const GET = handle(async (_req, { params }: Ctx) => {
  const actor = await requireActor();
  const { id } = await params;
  return json(await listThreads(actor, id));
});

/**
 * POST /api/docs/{id}/comments { sectionKey, anchor?: { offset, quote }, body: <comment JSON>, blocking? }
 * → 201 { threadId, commentId } · 404 unknown doc/section · 409 the selected text changed · 422 bad or >10 KB body.
 */
export const POST = handle(
  async (req, { params }: Ctx) => {
    const actor = await requireActor();
    const { id } = await params;
    return json(await createThread(actor, id, await readJson(req, 64 * 1024)), { status: 201 });
  },
  { scope: "review" },
);
