import { z } from "zod";
import { cleanName } from "@/lib/names";
import { ZEmail } from "@/lib/auth/schemas";
import { WORKSPACE_ROLES } from "@/lib/auth/permissions";

export const ZWorkspaceRole = z.enum(WORKSPACE_ROLES, { error: "Choose a role: owner, admin, member or viewer" });

export const ZInvite = z.object({ email: ZEmail, role: ZWorkspaceRole.default("MEMBER") });
export type TInvite = z.infer<typeof ZInvite>;

export const ZChangeRole = z.object({ membershipId: z.string().min(1).max(64), role: ZWorkspaceRole });
export const ZRemoveMember = z.object({ membershipId: z.string().min(1).max(64) });
export const ZRenameWorkspace = z.object({
  name: z.string().overwrite(cleanName).min(1, "Enter a name").max(80, "Use at most 80 characters"),
});
