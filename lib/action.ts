import "server-only";
import { unstable_rethrow } from "next/navigation";
import { databaseInputProblem, isAppError, isDatabaseUnavailable, type ErrorCode, type FieldErrors } from "./errors";
import { logError, newRequestId } from "./log";

export type ActionError = {
  ok: false;
  code: ErrorCode | "INTERNAL";
  message: string;
  fieldErrors?: FieldErrors;
  retryAfterSeconds?: number;
  /** What the user typed, echoed back so a form that failed keeps its values (React resets forms after an action). */
  values?: Record<string, string>;
};
export type ActionResult<T = undefined> = { ok: true; data: T } | ActionError;

export const UNAVAILABLE_MESSAGE =
  "The database is not reachable right now. Your input is kept here; please try again in a moment.";

/** Map anything thrown to a result the UI can show; unexpected errors are logged with a request id. */
export function toActionError(error: unknown): ActionError {
  if (isAppError(error)) {
    return {
      ok: false,
      code: error.code,
      message: error.message,
      fieldErrors: error.details.fieldErrors,
      retryAfterSeconds: error.details.retryAfterSeconds,
    };
  }
  if (isDatabaseUnavailable(error)) return { ok: false, code: "UNAVAILABLE", message: UNAVAILABLE_MESSAGE };
  const inputProblem = databaseInputProblem(error);
  if (inputProblem) return { ok: false, code: "INVALID_INPUT", message: inputProblem };
  const requestId = newRequestId();
  logError("server action failed", error, { requestId });
  return {
    ok: false,
    code: "INTERNAL",
    message: `Something went wrong on our side. If it keeps happening, quote request id ${requestId}.`,
  };
}

/**
 * The body of every server action: `return runAction(async () => { parse → requireActor → domain call })`.
 * Next's redirect/notFound signals pass through untouched.
 */
export async function runAction<T>(fn: () => Promise<T>): Promise<ActionResult<T>> {
  try {
    return { ok: true, data: await fn() };
  } catch (error) {
    unstable_rethrow(error);
    return toActionError(error);
  }
}

/** Echo the named form fields back on a failed result (never passwords). */
export function keepValues<R extends ActionResult<unknown>>(
  result: R,
  input: Record<string, string | undefined>,
  names: string[],
): R {
  if (result.ok) return result;
  return { ...result, values: Object.fromEntries(names.map((n) => [n, input[n] ?? ""])) };
}

/**
 * A server action's argument as text. Actions are public endpoints: an argument
 * typed `string` arrives as whatever the client encoded (an object whose `toString`
 * is not a function makes `String(x)` throw). Anything but a string or a finite
 * number becomes "", which every lookup answers with NOT_FOUND or INVALID_INPUT.
 */
export function argText(value: unknown): string {
  if (typeof value === "string") return value;
  return typeof value === "number" && Number.isFinite(value) ? String(value) : "";
}

/** The text fields of a submitted form; none when the argument is not a FormData. */
export function formFields(form: unknown): Record<string, string> {
  if (!(form instanceof FormData)) return {};
  return Object.fromEntries(
    [...form.entries()].filter((entry): entry is [string, string] => typeof entry[1] === "string"),
  );
}
