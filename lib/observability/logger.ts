import pino from "pino";
import { currentRequest } from "./context";

/**
 * The one logger: JSON lines on stdout with `level` as a word, an ISO `time`, and the request id and user id of the
 * request being served. Never log a password, token, cookie, email or document content: log ids and routes. The
 * redaction below is a second line of defence for field names that carry secrets.
 */
const KEY = Symbol.for("design-review.logger");
const holder = globalThis as unknown as Record<symbol, pino.Logger | undefined>;

export const logger: pino.Logger = (holder[KEY] ??= pino({
  level: process.env.LOG_LEVEL ?? "info",
  base: undefined,
  timestamp: pino.stdTimeFunctions.isoTime,
  formatters: { level: (label) => ({ level: label }) },
  mixin() {
    const ctx = currentRequest();
    return ctx ? { reqId: ctx.id, ...(ctx.userId ? { userId: ctx.userId } : {}) } : {};
  },
  redact: {
    paths: [
      "password",
      "*.password",
      "token",
      "*.token",
      "cookie",
      "*.cookie",
      "authorization",
      "*.authorization",
      "headers",
      "email",
      "*.email",
      "to",
      "content",
      "*.content",
    ],
    censor: "[redacted]",
  },
}));
