import type { DocMemberRole } from "@/lib/db/generated/enums";

/**
 * What crosses to the browser about sharing. INVARIANT: no token hashes, no
 * password hashes; emails only of people the viewer shares the doc with, and only
 * to those who may manage sharing (owners and editors).
 */
/** "stopped": its creator may no longer share the doc, so it opens nothing until someone takes it over. */
export type ShareLinkState = "active" | "expired" | "revoked" | "stopped";

export type ShareLinkDTO = {
  id: string;
  role: "view" | "comment";
  label: string | null;
  hasPassword: boolean;
  createdBy: string;
  createdAt: string;
  /** null = never expires. */
  expiresAt: string | null;
  revokedAt: string | null;
  lastUsedAt: string | null;
  useCount: number;
  state: ShareLinkState;
};

export type DocMemberDTO = {
  userId: string;
  name: string;
  email: string;
  role: DocMemberRole;
  addedBy: string;
  addedAt: string;
  /** Whether the viewer may remove this person (nobody removes someone above their own role). */
  removable: boolean;
};

/** A pending invitation to the doc for someone outside its workspace. */
export type DocInvitationDTO = { id: string; email: string; role: DocMemberRole; invitedBy: string; expiresAt: string };

/**
 * What adding someone by email did: a workspace member (or someone already on the doc) got the role at once;
 * anyone else was invited, and the answer is the same whether or not the address has an account.
 */
export type DocInvitedDTO = { kind: "invited"; email: string; role: DocMemberRole; link: string; emailed: boolean };
export type AddedDocMemberDTO = { kind: "member"; member: DocMemberDTO } | DocInvitedDTO;

/** A created link: the only time the token (and so the URL) is ever shown. */
export type CreatedShareLinkDTO = { link: ShareLinkDTO; token: string; url: string };

export type SharingStateDTO = {
  canonicalUrl: string;
  canShare: boolean;
  workspace: { name: string; memberCount: number };
  members: DocMemberDTO[];
  invitations: DocInvitationDTO[];
  links: ShareLinkDTO[];
};

/** A doc listed under "Shared with you": access through a per-doc invitation, not the workspace. */
export type SharedWithMeDTO = {
  id: string;
  slug: string;
  title: string;
  role: DocMemberRole;
  sharedBy: string;
  workspaceName: string;
  updatedAt: string;
};
