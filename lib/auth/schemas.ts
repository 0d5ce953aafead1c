import { z } from "zod";
import { cleanName } from "@/lib/names";

/** Client-safe input schemas: the forms and the server parse the same ones. */
export const ZEmail = z
  .string({ error: "Enter your email address" })
  .trim()
  .toLowerCase()
  .max(254, "That email address is too long")
  .pipe(z.email({ error: "Enter a valid email address" }));

import { PASSWORD_MAX, PASSWORD_MIN } from "./limits";

export { PASSWORD_MAX, PASSWORD_MIN };

export const ZPassword = z
  .string({ error: "Enter a password" })
  .min(PASSWORD_MIN, `Use at least ${PASSWORD_MIN} characters`)
  .max(PASSWORD_MAX, `Use at most ${PASSWORD_MAX} characters`);

export const ZName = z
  .string({ error: "Enter your name" })
  .overwrite(cleanName)
  .min(1, "Enter your name")
  .max(100, "Use at most 100 characters");

export const ZSignUp = z.object({
  name: ZName,
  email: ZEmail,
  password: ZPassword,
  /** An invitation token from /invite/<token>, accepted right after sign-up. */
  invitation: z.string().max(200).optional(),
});
export type TSignUp = z.infer<typeof ZSignUp>;

export const ZSignIn = z.object({
  email: ZEmail,
  // Any length is accepted here: a too-long password is simply wrong, and says so the same way.
  password: z.string({ error: "Enter your password" }).min(1, "Enter your password").max(1024),
});
export type TSignIn = z.infer<typeof ZSignIn>;
