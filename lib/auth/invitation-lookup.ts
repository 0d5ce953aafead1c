import "server-only";
import { AppError } from "@/lib/errors";
import { acceptDocInvitation, findDocInvitationByToken } from "@/lib/sharing/doc-invitations";
import { acceptInvitation, findInvitationByToken } from "@/lib/workspaces/invitations";
import { ROLE_LABELS } from "./permissions";
import type { Actor } from "./session-token";

/**
 * An invitation link (/invite/<token>) names a workspace or a single doc. What the
 * invite page, the sign-up form and the sign-up confirmation need to know about it.
 */
export type FoundInvitation = {
  kind: "workspace" | "doc";
  id: string;
  email: string;
  /** The workspace's name or the doc's title. */
  target: string;
  /** The role it gives, in words ("member", "reviewer"). */
  role: string;
  invitedBy: string;
  state: "valid" | "expired" | "used" | "revoked";
};

export async function findInvitation(token: unknown): Promise<FoundInvitation | null> {
  if (typeof token !== "string") return null;
  const workspace = await findInvitationByToken(token);
  if (workspace)
    return {
      kind: "workspace",
      id: workspace.id,
      email: workspace.email,
      target: workspace.workspaceName,
      role: ROLE_LABELS[workspace.role].toLowerCase(),
      invitedBy: workspace.invitedBy,
      state: workspace.state,
    };
  const doc = await findDocInvitationByToken(token);
  if (doc)
    return {
      kind: "doc",
      id: doc.id,
      email: doc.email,
      target: doc.docTitle,
      role: doc.role.toLowerCase(),
      invitedBy: doc.invitedBy,
      state: doc.state,
    };
  return null;
}

const PROBLEM: Record<Exclude<FoundInvitation["state"], "valid">, string> = {
  used: "This invitation has already been used.",
  revoked: "This invitation was withdrawn. Ask for a new one.",
  expired: "This invitation has expired. Ask for a new one.",
};

/** Accept the invitation behind a link, whichever kind it is; where to go next. */
export async function acceptInvitationLink(actor: Actor, token: string): Promise<{ redirectTo: string }> {
  const found = await findInvitation(token);
  if (!found) throw new AppError("NOT_FOUND", "This invitation link is not valid.");
  if (found.kind === "workspace") {
    const { workspaceSlug } = await acceptInvitation(actor, token);
    return { redirectTo: `/w/${workspaceSlug}?joined=1` };
  }
  if (found.state !== "valid")
    throw new AppError(found.state === "used" ? "CONFLICT" : "NOT_FOUND", PROBLEM[found.state]);
  const { docSlug } = await acceptDocInvitation(actor, found.id);
  return { redirectTo: `/docs/${docSlug}` };
}
