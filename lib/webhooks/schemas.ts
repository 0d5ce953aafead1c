import { z } from "zod";
import { cleanName } from "@/lib/names";
import { WEBHOOK_EVENTS, WEBHOOK_FORMATS } from "./events";

export const ZCreateWebhook = z.object({
  url: z
    .string({ error: "Enter the endpoint's URL." })
    .trim()
    .min(1, "Enter the endpoint's URL.")
    .max(2000, "The URL can be at most 2,000 characters.")
    .refine((v) => URL.canParse(v), "Enter a full URL, e.g. https://hooks.example.com/design-review."),
  events: z
    .array(z.enum(WEBHOOK_EVENTS, { error: `Events are ${WEBHOOK_EVENTS.join(", ")}.` }), {
      error: "Choose at least one event.",
    })
    .min(1, "Choose at least one event.")
    .max(WEBHOOK_EVENTS.length),
  format: z.enum(WEBHOOK_FORMATS, { error: "The format is json or slack." }).default("json"),
  description: z
    .string()
    .transform(cleanName)
    .pipe(z.string().max(200, "The description can be at most 200 characters."))
    .optional(),
});
export type TCreateWebhook = z.input<typeof ZCreateWebhook>;
