import { z } from "zod";
import { cleanName } from "@/lib/names";
import { DEFAULT_TOKEN_EXPIRY_DAYS, MAX_TOKEN_EXPIRY_DAYS, TOKEN_SCOPES } from "./scopes";

export const ZCreateToken = z.object({
  name: z
    .string({ error: "Give the token a name." })
    .transform(cleanName)
    .pipe(
      z.string().min(1, "Give the token a name, e.g. “CI pipeline”.").max(80, "The name can be at most 80 characters."),
    ),
  expiresInDays: z
    .union([
      z.literal("never"),
      z
        .number({ error: `Choose an expiry from 1 to ${MAX_TOKEN_EXPIRY_DAYS} days, or never.` })
        .int()
        .min(1, "A token lasts at least 1 day.")
        .max(MAX_TOKEN_EXPIRY_DAYS, `A token lasts at most ${MAX_TOKEN_EXPIRY_DAYS} days, or never expires.`),
    ])
    .default(DEFAULT_TOKEN_EXPIRY_DAYS),
  scopes: z
    .array(z.enum(TOKEN_SCOPES, { error: `Scopes are ${TOKEN_SCOPES.join(", ")}.` }), {
      error: "Choose at least one scope.",
    })
    .min(1, "Choose at least one scope.")
    .max(TOKEN_SCOPES.length),
});
export type TCreateToken = z.input<typeof ZCreateToken>;
