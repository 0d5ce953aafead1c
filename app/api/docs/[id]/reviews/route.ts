import { requireActor } from "@/lib/auth/session";
import { handle, json, readJson } from "@/lib/http/route";
import { getSignOffState } from "@/lib/reviews/queries";
import { requestReview } from "@/lib/reviews/request-review";

type Ctx = { params: Promise<{ id: string }> };

/** GET /api/docs/{id}/reviews → the sign-off state: requests, each reviewer's state, stamps, status. */
export const GET = handle(async (_req, { params }: Ctx) => {
  const actor = await requireActor();
  const { id } = await params;
  return json(await getSignOffState(actor, id));
});

/**
 * POST /api/docs/{id}/reviews { reviewerIds, sectionKeys?, message?, dueAt?, rule?, requiredApprovals? } → 201 {
 * requested, status }.
 */
export const POST = handle(
  async (req, { params }: Ctx) => {
    const actor = await requireActor();
    const { id } = await params;
    const result = await requestReview(actor, id, await readJson(req, 64 * 1024));
    const state = await getSignOffState(actor, id);
    return json({ ...result, status: state.status }, { status: 201 });
  },
  { scope: "review" },
);
