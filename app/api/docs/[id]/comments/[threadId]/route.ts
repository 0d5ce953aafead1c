import { requireActor } from "@/lib/auth/session";
import { setThreadState } from "@/lib/comments/thread-state";
import { handle, json, readJson } from "@/lib/http/route";

type Ctx = { params: Promise<{ id: string; threadId: string }> };

/**
 * PATCH /api/docs/{id}/comments/{threadId} { resolved?, blocking? } → { resolved, blocking, status } · 404 unknown
 * thread.
 */
export const PATCH = handle(
  async (req, { params }: Ctx) => {
    const actor = await requireActor();
    const { id, threadId } = await params;
    return json(await setThreadState(actor, id, threadId, await readJson(req, 4 * 1024)));
  },
  { scope: "review" },
);
