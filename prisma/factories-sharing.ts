import type { Actor } from "@/lib/auth/session";
import { acceptInvitationLink } from "@/lib/auth/invitation-lookup";
import type { DocMemberRole } from "@/lib/db";
import { addDocMember } from "@/lib/sharing/doc-members";

/**
 * `person` gets `role` on the doc as the share dialog gives it: at once for a member of
 * the doc's workspace, else through the invitation, which they accept.
 */
export async function shareDocWith(owner: Actor, docId: string, person: Actor, role: DocMemberRole) {
  const added = await addDocMember(owner, docId, { email: person.email, role }, "http://localhost:3000");
  if (added.kind === "invited") await acceptInvitationLink(person, added.link.split("/invite/")[1]!);
  return added;
}
