import { requireActor } from "@/lib/auth/session";
import { quickSearch } from "@/lib/docs/quick-search";
import { handle, json } from "@/lib/http/route";

/** GET /api/search?q= — docs and sections the caller can read across their workspaces (the header's search). */
export const GET = handle(async (req) => {
  const actor = await requireActor();
  const q = new URL(req.url).searchParams.get("q") ?? "";
  return json({ hits: await quickSearch(actor, { q }) });
});
