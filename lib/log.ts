import { randomBytes } from "node:crypto";
import { logger } from "@/lib/observability/logger";

export function newRequestId(): string {
  return randomBytes(6).toString("hex");
}

/** One JSON line through the app's logger (lib/observability/logger.ts), with the request's id and user id. */
export function logError(msg: string, error: unknown, extra: Record<string, unknown> = {}): void {
  const detail = error instanceof Error ? { error: error.message, stack: error.stack } : { error: String(error) };
  logger.error({ ...extra, ...detail }, msg);
}
