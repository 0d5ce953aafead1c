/**
 * Expected failures. Every layer speaks these codes; transports map them with
 * HTTP_STATUS (route handlers) or return them in an ActionResult (server actions).
 */
export const HTTP_STATUS = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  INVALID_INPUT: 422,
  RATE_LIMITED: 429,
  UNAVAILABLE: 503,
} as const;

export type ErrorCode = keyof typeof HTTP_STATUS;

export type FieldErrors = Record<string, string[]>;

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: { fieldErrors?: FieldErrors; retryAfterSeconds?: number; data?: unknown } = {},
  ) {
    super(message);
    this.name = "AppError";
  }

  get status(): number {
    return HTTP_STATUS[this.code];
  }
}

export const isAppError = (e: unknown): e is AppError => e instanceof AppError;

/** Postgres connection failures: the app answers 503 instead of 500 while the DB is away. */
export function isDatabaseUnavailable(error: unknown): boolean {
  const seen = new Set<unknown>();
  let e: unknown = error;
  while (e && typeof e === "object" && !seen.has(e)) {
    seen.add(e);
    const { code, message } = e as { code?: unknown; message?: unknown };
    if (
      typeof code === "string" &&
      [
        "ECONNREFUSED",
        "ECONNRESET",
        "ETIMEDOUT",
        "57P01",
        "57P02",
        "57P03",
        "53300",
        "P1001",
        "P1017",
        "P2024",
        "P2028",
      ].includes(code)
    )
      return true;
    if (
      typeof message === "string" &&
      (/ECONNREFUSED|Connection terminated|connection timeout|terminating connection/i.test(message) ||
        /the database system is (starting up|shutting down)|Can't reach database/i.test(message) ||
        /timeout exceeded when trying to connect|Unable to start a transaction|is not queryable/i.test(message) ||
        /Server has closed the connection|Connection (closed|ended) unexpectedly/i.test(message))
    )
      return true;
    e = (e as { cause?: unknown }).cause;
  }
  return false;
}

/**
 * Database refusals caused by the data sent, not by the server: a NUL character in
 * text (22021), a character the encoding lacks (22P05), a lone UTF-16 surrogate
 * (Prisma's query engine rejects it while reading the query's JSON), a value too
 * long for its column or index (22001, 54000). Input validation should catch these first; this is
 * the net under it, so such a request is a 422 with a message, never a 500.
 * Returns the message to show, or null.
 */
export function databaseInputProblem(error: unknown): string | null {
  const seen = new Set<unknown>();
  let e: unknown = error;
  while (e && typeof e === "object" && !seen.has(e)) {
    seen.add(e);
    const { code, message, meta, originalCode } = e as {
      code?: unknown;
      message?: unknown;
      meta?: { code?: unknown };
      originalCode?: unknown;
    };
    const codes = [code, meta?.code, originalCode].filter((c): c is string => typeof c === "string");
    const text = typeof message === "string" ? message : "";
    if (
      codes.some((c) => c === "22021" || c === "22P05") ||
      /invalid byte sequence for encoding|has no equivalent in encoding|unexpected end of hex escape/i.test(text) ||
      /lone leading surrogate|invalid unicode code point|unsupported Unicode escape sequence/i.test(text)
    )
      return "Text may not contain NUL characters or invalid Unicode.";
    if (
      codes.some((c) => c === "22001" || c === "54000") ||
      /value too long for type|index row (size|requires)/.test(text)
    )
      return "A value in the request is too long.";
    if (/tsquery stack too small/.test(text)) return "This search has too many operators; use fewer '-' and quotes.";
    e = (e as { cause?: unknown }).cause;
  }
  return null;
}
