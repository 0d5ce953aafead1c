/** Review limits and verdict kinds shared by lib/reviews/schemas.ts and client components; zod-free. */
export const REVIEW_MESSAGE_MAX = 2000;
export const MAX_REVIEWERS = 20;
export const VERDICT_KINDS = ["APPROVE", "REQUEST_CHANGES", "COMMENT"] as const;
export type VerdictKind = (typeof VERDICT_KINDS)[number];
