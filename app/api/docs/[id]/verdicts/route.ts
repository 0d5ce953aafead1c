import { requireActor } from "@/lib/auth/session";
import { handle, json, readJson } from "@/lib/http/route";
import { verdictFromApi } from "@/lib/reviews/schemas";
import { submitVerdict } from "@/lib/reviews/submit-verdict";

type Ctx = { params: Promise<{ id: string }> };

/**
 * POST /api/docs/{id}/verdicts { verdict: "approve"|"request_changes"|"comment", body?, revision }
 * → 201 { id, kind, revision, contentHash, status } · 409 with error.data.sections (what changed) when revision is not
 * current.
 */
export const POST = handle(
  async (req, { params }: Ctx) => {
    const actor = await requireActor();
    const { id } = await params;
    const verdict = await submitVerdict(actor, id, verdictFromApi(await readJson(req, 64 * 1024)));
    return json(verdict, { status: 201 });
  },
  { scope: "review" },
);
