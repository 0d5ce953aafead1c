import "server-only";
import { AppError, databaseInputProblem, isAppError, isDatabaseUnavailable } from "@/lib/errors";
import { logError, newRequestId } from "@/lib/log";
import { UNAVAILABLE_MESSAGE } from "@/lib/action";
import { assertScope, authenticateBearer, bearerTokenOf, runAsBearer } from "@/lib/tokens/bearer";
import { defaultScope, type TokenScope } from "@/lib/tokens/scopes";
import { clientAddress } from "./client-address";
import { assertJsonBody, assertSameOrigin } from "./same-origin";

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
      {
        error: {
          code: error.code,
          message: error.message,
          fieldErrors: error.details.fieldErrors,
          ...(error.details.data ? { data: error.details.data } : {}),
        },
      },
      { status: error.status, headers },
    );
  }
  if (isDatabaseUnavailable(error))
    return json(
      { error: { code: "UNAVAILABLE", message: UNAVAILABLE_MESSAGE } },
      { status: 503, headers: { "Retry-After": "5" } },
    );
  const inputProblem = databaseInputProblem(error);
  if (inputProblem) return errorResponse(new AppError("INVALID_INPUT", inputProblem));
  const requestId = newRequestId();
  logError("route handler failed", error, { requestId });
  return json(
    { error: { code: "INTERNAL", message: "Something went wrong on our side.", requestId } },
    { status: 500, headers: { "X-Request-Id": requestId } },
  );
}

export type HandleOptions = {
  /** "json" (the default): a write's body must be application/json. "upload": any body (a file), same origin still. */
  body?: "json" | "upload";
  /**
   * What an API token needs to call this route (lib/tokens/scopes.ts); by default `read` for GET, else `write`.
   * "none": the route takes no token (it needs no one signed in, like sign-in), and an Authorization header is ignored.
   */
  scope?: TokenScope | "none";
};

/**
 * Wrap a route handler: cross-site writes are refused, AppErrors become their status,
 * the rest a logged 500 with a request id.
 */
export function handle<C>(fn: (req: Request, ctx: C) => Promise<Response>, options: HandleOptions = {}) {
  const wrapped = async (req: Request, ctx: C): Promise<Response> => {
    try {
      const token = options.scope === "none" ? null : bearerTokenOf(req.headers);
      // CSRF (lib/http/same-origin.ts): cookie writes come from our own pages or from non-browser clients, as JSON.
      if (token === null) assertSameOrigin(req);
      if (options.body !== "upload") assertJsonBody(req);
      if (token === null) return await fn(req, ctx);
      // A bearer token is sent only by whoever holds it (a browser never adds it by itself): no forgery to refuse.
      const caller = await authenticateBearer(token, clientAddress(req.headers));
      assertScope(caller, options.scope && options.scope !== "none" ? options.scope : defaultScope(req.method));
      return await runAsBearer(caller, () => fn(req, ctx));
    } catch (error) {
      const response = errorResponse(error);
      if (response.status === 401 && bearerTokenOf(req.headers) !== null)
        response.headers.set("WWW-Authenticate", 'Bearer error="invalid_token"');
      return response;
    }
  };
  // Read by the access matrix and the OpenAPI description: which scope a token needs here ("default": by method).
  return Object.assign(wrapped, { tokenScope: options.scope ?? ("default" as const) });
}

/** Read a JSON body with a size limit; malformed or oversized bodies are clear 4xx errors. */
export async function readJson(req: Request, maxBytes = 1024 * 1024): Promise<unknown> {
  const declared = Number(req.headers.get("content-length") ?? 0);
  if (declared > maxBytes)
    throw new AppError("PAYLOAD_TOO_LARGE", `The request body is larger than ${Math.round(maxBytes / 1024)} KB.`);
  const text = await req.text();
  if (Buffer.byteLength(text) > maxBytes)
    throw new AppError("PAYLOAD_TOO_LARGE", `The request body is larger than ${Math.round(maxBytes / 1024)} KB.`);
  if (!text.trim()) throw new AppError("INVALID_INPUT", "The request body is empty; send JSON.");
  try {
    return JSON.parse(text);
  } catch {
    throw new AppError("INVALID_INPUT", "The request body is not valid JSON.");
  }
}
