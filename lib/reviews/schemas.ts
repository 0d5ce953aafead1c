import { z } from "zod";

/** Client-safe input schemas of the review flow: the forms use them, the domain re-checks with them. */
import { MAX_REVIEWERS, REVIEW_MESSAGE_MAX, VERDICT_KINDS, type VerdictKind } from "./limits";

export { MAX_REVIEWERS, REVIEW_MESSAGE_MAX, VERDICT_KINDS, type VerdictKind };

const ZId = z.string().min(1).max(64);
const ZSectionKey = z.string().min(1).max(80);

export const ZRequestReview = z
  .object({
    reviewerIds: z
      .array(ZId, { error: "Choose at least one reviewer" })
      .min(1, "Choose at least one reviewer")
      .max(MAX_REVIEWERS, `Ask at most ${MAX_REVIEWERS} reviewers at once`)
      .transform((ids) => [...new Set(ids)]),
    /** Empty or missing: the whole doc. */
    sectionKeys: z
      .array(ZSectionKey)
      .max(100)
      .optional()
      .transform((keys) => [...new Set(keys ?? [])]),
    message: z
      .string()
      .trim()
      .max(REVIEW_MESSAGE_MAX, `Messages are at most ${REVIEW_MESSAGE_MAX} characters`)
      .optional()
      .transform((m) => m || null),
    dueAt: z
      .union([
        z.iso.date({ error: "Give the due date as YYYY-MM-DD" }),
        z.iso.datetime({ error: "Give the due date as YYYY-MM-DD" }),
        z.literal(""),
        z.null(),
      ])
      .optional()
      .transform((d) => (d ? new Date(d.length === 10 ? `${d}T23:59:59.000Z` : d) : null)),
    rule: z.enum(["ALL", "AT_LEAST"], { error: "The rule is ALL or AT_LEAST" }).optional(),
    requiredApprovals: z.coerce
      .number({ error: "Required approvals must be a number" })
      .int("Required approvals must be a whole number")
      .min(1, "Require at least 1 approval")
      .max(MAX_REVIEWERS)
      .optional(),
  })
  .refine((v) => v.rule !== "AT_LEAST" || v.requiredApprovals !== undefined, {
    path: ["requiredApprovals"],
    message: "Say how many approvals are needed",
  });
export type TRequestReview = z.input<typeof ZRequestReview>;

export const ZSubmitVerdict = z.object({
  kind: z.enum(VERDICT_KINDS, { error: "The verdict is APPROVE, REQUEST_CHANGES or COMMENT" }),
  body: z
    .string()
    .trim()
    .max(REVIEW_MESSAGE_MAX, `Messages are at most ${REVIEW_MESSAGE_MAX} characters`)
    .optional()
    .transform((m) => m || null),
  revision: z.number({ error: "revision must be the doc revision you reviewed" }).int().min(1).max(2_147_483_647),
  /**
   * What the reviewer had loaded (section key → version): the verdict is refused only when a section it covers
   * changed since (lib/reviews/changed-since.ts).
   */
  sectionVersions: z.record(ZSectionKey, z.number().int()).optional(),
  /** Or the point in history the reviewer read (the doc's `headSeq`): same rule. */
  seq: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER).optional(),
});
export type TSubmitVerdict = z.input<typeof ZSubmitVerdict>;

/** The JSON API names the field `verdict`; the forms name it `kind`. */
export function verdictFromApi(raw: unknown): unknown {
  if (raw && typeof raw === "object" && "verdict" in raw && !("kind" in raw)) {
    const { verdict, ...rest } = raw as Record<string, unknown>;
    return { ...rest, kind: typeof verdict === "string" ? verdict.toUpperCase().replace(/[\s-]/g, "_") : verdict };
  }
  return raw;
}
