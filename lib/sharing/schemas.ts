import { z } from "zod";
import { cleanName } from "@/lib/names";
import { DOC_MEMBER_ROLES } from "@/lib/docs/policy";

/** Client-safe input schemas for sharing: the share dialog and the JSON API use the same ones. */

import {
  DEFAULT_EXPIRY_DAYS,
  MAX_EXPIRY_DAYS,
  SHARE_EXPIRY_CHOICES,
  SHARE_LINK_ROLES,
  SHARE_PASSWORD_MIN,
} from "./limits";

export { DEFAULT_EXPIRY_DAYS, MAX_EXPIRY_DAYS, SHARE_EXPIRY_CHOICES, SHARE_LINK_ROLES, SHARE_PASSWORD_MIN };

const ZPassword = z
  .string()
  .max(200, "Passwords are at most 200 characters")
  .optional()
  .transform((v) => (v ? v : undefined))
  .refine(
    (v) => v === undefined || v.length >= SHARE_PASSWORD_MIN,
    `Use at least ${SHARE_PASSWORD_MIN} characters, or leave the password empty`,
  );

/**
 * A new share link. Expiry: `expiresInDays` (1–365) or "never", or an absolute
 * `expiresAt` (ISO date-time in the future, or null = never); without either, 30 days.
 */
export const ZCreateShareLink = z
  .object({
    role: z.enum(SHARE_LINK_ROLES, { error: 'role must be "view" or "comment"' }).default("view"),
    expiresInDays: z
      .union([z.literal("never"), z.number().int().min(1).max(MAX_EXPIRY_DAYS)], {
        error: `expiresInDays must be 1–${MAX_EXPIRY_DAYS} or "never"`,
      })
      .optional(),
    expiresAt: z.iso
      .datetime({ offset: true, error: "expiresAt must be an ISO date-time like 2027-01-31T12:00:00Z" })
      .nullable()
      .optional(),
    password: ZPassword,
    label: z
      .string()
      .overwrite(cleanName)
      .max(80, "Labels are at most 80 characters")
      .optional()
      .transform((v) => v || undefined),
  })
  .refine((v) => v.expiresInDays === undefined || v.expiresAt === undefined, {
    error: "Send expiresInDays or expiresAt, not both",
    path: ["expiresAt"],
  })
  .refine((v) => !v.expiresAt || Date.parse(v.expiresAt) > Date.now(), {
    error: "expiresAt must be in the future",
    path: ["expiresAt"],
  })
  .refine((v) => !v.expiresAt || Date.parse(v.expiresAt) <= Date.now() + MAX_EXPIRY_DAYS * 86_400_000, {
    error: `expiresAt must be within ${MAX_EXPIRY_DAYS} days`,
    path: ["expiresAt"],
  });
export type TCreateShareLink = z.input<typeof ZCreateShareLink>;

export const ZAddDocMember = z.object({
  email: z
    .string({ error: "Enter an email address" })
    .trim()
    .toLowerCase()
    .pipe(z.email({ error: "Enter a valid email address" }).max(254)),
  role: z.enum(DOC_MEMBER_ROLES, { error: "Choose a role" }).default("VIEWER"),
});
export type TAddDocMember = z.input<typeof ZAddDocMember>;

export const ZSharePassword = z.object({
  password: z.string().min(1, "Enter the password").max(200, "Passwords are at most 200 characters"),
});

/** Share tokens are 32 random bytes in base64url: exactly 43 characters. */
export const SHARE_TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;
