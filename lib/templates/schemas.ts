import { z } from "zod";
import { cleanName } from "@/lib/names";

export const ZTemplateSectionInput = z.object({
  /** Present for existing sections (keeps their key); absent for new ones. */
  key: z
    .string()
    .regex(/^[a-z0-9-]{1,60}$/)
    .optional(),
  title: z
    .string()
    .overwrite(cleanName)
    .min(1, "Give every section a title")
    .max(120, "Section titles are at most 120 characters"),
  guidance: z.string().trim().max(2000, "Guidance is at most 2,000 characters").default(""),
  required: z.boolean().default(false),
});

export const ZSaveTemplate = z.object({
  name: z
    .string()
    .overwrite(cleanName)
    .min(1, "Give the template a name")
    .max(100, "Template names are at most 100 characters"),
  description: z.string().trim().max(500).default(""),
  sections: z
    .array(ZTemplateSectionInput)
    .min(1, "A template needs at least one section")
    .max(40, "A template has at most 40 sections")
    .refine((s) => new Set(s.map((x) => x.title.toLowerCase())).size === s.length, "Two sections have the same title"),
});
export type TSaveTemplate = z.infer<typeof ZSaveTemplate>;
