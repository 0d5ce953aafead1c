import "server-only";
import type { ShareLinkCaller } from "@/lib/docs/access";
import type { DocDTO } from "@/lib/docs/dto";
import { getDocForViewer } from "@/lib/docs/queries";

/**
 * A doc as a share-link holder sees it: title, sections and stamps.
 * INVARIANT: nothing of the workspace crosses — no workspace name or slug, no
 * template, no emails (people appear by name only, as in the doc's own stamps).
 */
export async function getSharedDoc(caller: ShareLinkCaller, documentId: string): Promise<DocDTO> {
  const doc = await getDocForViewer(caller, { id: documentId });
  return { ...doc, workspace: { id: "", name: "", slug: "" }, template: null };
}
