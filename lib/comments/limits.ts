/** Limits of review comments; client-safe (no zod), so forms can show them without loading a schema. */
export const GUEST_NAME_MAX = 80;
/** A quoted selection longer than this is refused: comment on the section instead. */
export const QUOTE_MAX = 2_000;
export const COMMENT_BODY_MAX_KB = 10;
export const THREAD_FILTERS = ["open", "resolved", "mine", "all"] as const;
export type ThreadFilter = (typeof THREAD_FILTERS)[number];
