import { requireActor } from "@/lib/auth/session";
import { issueCollabTicket } from "@/lib/collab/ticket";
import { handle, json } from "@/lib/http/route";

type Ctx = { params: Promise<{ id: string }> };

/**
 * GET /api/docs/{id}/collab → a ticket for the doc's live channel: the collaboration server's address and a signed
 * token for this person and doc, valid for minutes (the page asks again while it is open) · 404.
 */
export const GET = handle(async (_req, { params }: Ctx) => {
  const actor = await requireActor();
  const { id } = await params;
  return json(await issueCollabTicket(actor, id));
});
