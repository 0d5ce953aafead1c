import "server-only";
import { AppError, databaseInputProblem, isAppError, isDatabaseUnavailable } from "@/lib/errors";
import { logError, newRequestId } from "@/lib/log";
import { UNAVAILABLE_MESSAGE } from "@/lib/action";

export function json(data: unknown, init: ResponseInit = {}): Response {
  const headers = new Headers(init.headers);
  headers.set("Content-Type", "application/json; charset=utf-8");
  headers.set("Cache-Control", "no-store");
  return new Response(JSON.stringify(data), { ...init, headers });
}

export function errorResponse(error: unknown): Response {
  if (isAppError(error)) {
    const headers: Record<string, string> = {};
    if (error.details.retryAfterSeconds) headers["Retry-After"] = String(error.details.retryAfterSeconds);
    return json(
      { error: { code: error.code, message: error.message, fieldErrors: error.details.fieldErrors, ...(error.details.data ? { data: error.details.data } : {}) } },
      { status: error.status, headers },
    );
  }
  if (isDatabaseUnavailable(error)) return json({ error: { code: "UNAVAILABLE", message: UNAVAILABLE_MESSAGE } }, { status: 503, headers: { "Retry-After": "5" } });
  const inputProblem = databaseInputProblem(error);
  if (inputProblem) return errorResponse(new AppError("INVALID_INPUT", inputProblem));
  const requestId = newRequestId();
  logError("route handler failed", error, { requestId });
  return json({ error: { code: "INTERNAL", message: "Something went wrong on our side.", requestId } }, { status: 500, headers: { "X-Request-Id": requestId } });
}

/** Wrap a route handler: AppErrors become their status, the rest a logged 500 with a request id. */
export function handle<C>(fn: (req: Request, ctx: C) => Promise<Response>) {
  return async (req: Request, ctx: C): Promise<Response> => {
    try {
      return await fn(req, ctx);
    } catch (error) {
      return errorResponse(error);
    }
  };
}

/** Read a JSON body with a size limit; malformed or oversized bodies are clear 4xx errors. */
export async function readJson(req: Request, maxBytes = 1024 * 1024): Promise<unknown> {
  const declared = Number(req.headers.get("content-length") ?? 0);
  if (declared > maxBytes) throw new AppError("PAYLOAD_TOO_LARGE", `The request body is larger than ${Math.round(maxBytes / 1024)} KB.`);
  const text = await req.text();
  if (Buffer.byteLength(text) > maxBytes) throw new AppError("PAYLOAD_TOO_LARGE", `The request body is larger than ${Math.round(maxBytes / 1024)} KB.`);
  if (!text.trim()) throw new AppError("INVALID_INPUT", "The request body is empty; send JSON.");
  try {
    return JSON.parse(text);
  } catch {
    throw new AppError("INVALID_INPUT", "The request body is not valid JSON.");
  }
}

export function clientIp(headers: Headers): string {
  return headers.get("x-forwarded-for")?.split(",")[0]?.trim() || headers.get("x-real-ip") || "unknown";
}
