/**
 * The content pipeline: the one writer of section content and its history (issue 12).
 * See commit.ts for the order of a commit, README "Content pipeline" for the whole.
 */
export { versionsAsOf, type VersionAtPoint } from "./as-of";
export { canEditContent, type EditAnswer, type EditState } from "./can-edit";
export { commitSectionContent, isUnmergedOutsideWrite, type CommitOptions } from "./commit";
export { createDocSections, type NewSection } from "./create-sections";
export { contentHash } from "./derive";
export type { Basis, CommitInput, CommitResult, ContentActor, ContentSource } from "./types";
export { previewRestore, restoreSections, type RestorePreview, type RestoreResult } from "./restore";
export type { RestoreChange, RestoreScope } from "./restore-plan";
