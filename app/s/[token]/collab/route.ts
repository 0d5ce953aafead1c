import { cookies } from "next/headers";
import { issueSharedCollabTicket } from "@/lib/collab/ticket";
import { handle, json } from "@/lib/http/route";
import { UNLOCK_COOKIE } from "@/lib/sharing/resolve-token";

type Ctx = { params: Promise<{ token: string }> };

/** GET /s/{token}/collab → a read-only ticket to follow the shared doc live, for the link's holder · 404. */
export const GET = handle(async (_req, { params }: Ctx) => {
  const { token } = await params;
  return json(await issueSharedCollabTicket(token, (await cookies()).get(UNLOCK_COOKIE)?.value));
});
