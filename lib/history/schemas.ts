import { z } from "zod";

/** Client-safe input schemas of history: the forms use them, the domain re-checks with them. */
import { NAMED_VERSION_MAX } from "./limits";

export { NAMED_VERSION_MAX };

export const ZNameVersion = z.object({
  name: z
    .string({ error: "Give the version a name" })
    .trim()
    .min(1, "Give the version a name")
    .max(NAMED_VERSION_MAX, `Names are at most ${NAMED_VERSION_MAX} characters`),
});
export type TNameVersion = z.input<typeof ZNameVersion>;

export const ZRestore = z.object({
  /** Missing or empty: every section of the doc at that point. */
  sections: z
    .array(z.string().min(1).max(80), { error: "`sections` is a list of section keys" })
    .max(200)
    .optional()
    .transform((keys) => [...new Set(keys ?? [])]),
});
export type TRestore = z.input<typeof ZRestore>;
