import { z } from "zod";
import { cleanName } from "@/lib/names";
import { GUEST_NAME_MAX, QUOTE_MAX } from "./limits";

/**
 * Client-safe input schemas of review comments. Bodies are Tiptap JSON in the small
 * comment schema (lib/editor/comment-extensions.ts): zod checks the envelope, then
 * parseCommentBody (lib/comments/body.ts) checks the content and its 10 KB limit.
 */
const ZId = z.string({ error: "Missing id" }).min(1, "Missing id").max(64, "Unknown id");
export const ZSectionKey = z
  .string({ error: "Say which section" })
  .min(1, "Say which section")
  .max(80, "Unknown section");

export const ZGuestName = z
  .string({ error: "Type your name" })
  .overwrite(cleanName)
  .min(1, "Type your name so others know who commented")
  .max(GUEST_NAME_MAX, `Names are at most ${GUEST_NAME_MAX} characters`);

/**
 * A selection in the section's text: offset into the concatenated text nodes, and the words (lib/comments/anchors.ts).
 */
export const ZTextAnchor = z.object({
  offset: z.number({ error: "anchor.offset must be a number" }).int().min(0).max(10_000_000),
  quote: z
    .string({ error: "anchor.quote must be the selected text" })
    .min(1, "Select some text to comment on")
    .max(QUOTE_MAX, `Select at most ${QUOTE_MAX} characters, or comment on the whole section`),
});

export const ZCreateThread = z.object({
  sectionKey: ZSectionKey,
  /** Missing: a comment on the section as a whole. */
  anchor: ZTextAnchor.nullish(),
  body: z.unknown(),
  blocking: z.boolean({ error: "blocking is true or false" }).optional().default(false),
  /** Guests (comment links) only; members' names come from their account. */
  guestName: z.string().optional(),
});
export type TCreateThread = z.input<typeof ZCreateThread>;

export const ZCommentBody = z.object({ body: z.unknown(), guestName: z.string().optional() });
export type TCommentBody = z.input<typeof ZCommentBody>;

export const ZThreadState = z
  .object({
    resolved: z.boolean({ error: "resolved is true or false" }).optional(),
    blocking: z.boolean({ error: "blocking is true or false" }).optional(),
  })
  .refine((v) => v.resolved !== undefined || v.blocking !== undefined, { message: "Send resolved and/or blocking" });
export type TThreadState = z.input<typeof ZThreadState>;

export const ZMentionQuery = z.string().trim().max(80).catch("");
export { ZId };
