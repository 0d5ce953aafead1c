import { randomBytes } from "node:crypto";

export function newRequestId(): string {
  return randomBytes(6).toString("hex");
}

/** One JSON object per line on stdout/stderr: easy to grep here, easy to ship elsewhere. */
export function logError(msg: string, error: unknown, extra: Record<string, unknown> = {}): void {
  const detail = error instanceof Error ? { error: error.message, stack: error.stack } : { error: String(error) };
  console.error(JSON.stringify({ level: "error", time: new Date().toISOString(), msg, ...extra, ...detail }));
}
