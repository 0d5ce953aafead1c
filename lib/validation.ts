import type { z } from "zod";
import { AppError, type FieldErrors } from "./errors";

/** Parse input with a zod schema; on failure throw INVALID_INPUT with per-field messages. */
export function parseInput<S extends z.ZodType>(schema: S, raw: unknown): z.output<S> {
  const result = schema.safeParse(raw);
  if (result.success) return result.data;
  const fieldErrors: FieldErrors = {};
  const formErrors: string[] = [];
  for (const issue of result.error.issues) {
    const key = issue.path.map(String).join(".");
    // zod's own wording ("expected object, received string") means nothing to a person.
    if (!key && issue.code === "invalid_type") {
      formErrors.push("Send a JSON object with the fields this endpoint expects.");
      continue;
    }
    if (!key) formErrors.push(issue.message);
    else (fieldErrors[key] ??= []).push(issue.message);
  }
  const first = formErrors[0] ?? Object.entries(fieldErrors).map(([k, v]) => `${k}: ${v[0]}`)[0] ?? "Invalid input";
  throw new AppError("INVALID_INPUT", first, { fieldErrors });
}
