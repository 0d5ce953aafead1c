import { requireActor } from "@/lib/auth/session";
import { replyToThread } from "@/lib/comments/comment-mutations";
import { handle, json, readJson } from "@/lib/http/route";

type Ctx = { params: Promise<{ id: string; threadId: string }> };

/**
 * POST /api/docs/{id}/comments/{threadId}/replies { body: <comment JSON> } → 201 { commentId } · 404 unknown thread ·
 * 422 bad body.
 */
export const POST = handle(
  async (req, { params }: Ctx) => {
    const actor = await requireActor();
    const { id, threadId } = await params;
    return json(await replyToThread(actor, id, threadId, await readJson(req, 64 * 1024)), { status: 201 });
  },
  { scope: "review" },
);
