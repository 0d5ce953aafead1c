import { replyProblem, type Chunks } from "./action-payload";
import { CROSS_SITE_MESSAGE, crossSiteReason } from "./same-origin";

/** As next.config.ts `experimental.serverActions.bodySizeLimit` ("2mb"). */
export const ACTION_BODY_LIMIT = 2 * 1024 * 1024;

export type Refusal = { status: 400 | 403 | 413; message: string };

const TOO_LARGE: Refusal = {
  status: 413,
  message: "This request is larger than 2 MB, the most a page of this app sends. Nothing was saved.",
};

/** The body, or null when it is longer than `limit` bytes (reading stops there). */
async function readLimited(request: Request, limit: number): Promise<Buffer | null> {
  const reader = request.clone().body?.getReader();
  if (!reader) return Buffer.alloc(0);
  const parts: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      // Not awaited: a tee'd stream's cancel settles only once its twin is cancelled too.
      void reader.cancel().catch(() => undefined);
      return null;
    }
    parts.push(value);
  }
  return Buffer.concat(parts);
}

/** The reply chunks of a multipart action body, grouped by the prefix React decodes them with. */
function multipartChunks(form: FormData, isFetchAction: boolean): Map<string, Chunks> {
  const groups = new Map<string, Chunks>();
  for (const [name, value] of form.entries()) {
    if (typeof value !== "string") continue;
    // A fetch action's arguments are fields "0", "1", …; a no-JS form's bound arguments are "$ACTION_<n>:<i>".
    const match = isFetchAction ? /^()(\d+)$/.exec(name) : /^(\$ACTION_\d+:)(\d+)$/.exec(name);
    if (!match) continue;
    const prefix = match[1]!;
    if (!groups.has(prefix)) groups.set(prefix, new Map());
    groups.get(prefix)!.set(name, value);
  }
  return groups;
}

/**
 * Whether a POST to a page — a server action, from a script (`Next-Action` header) or
 * from a form without JavaScript (multipart) — may reach Next. Refused: another site
 * (403), a body over 2 MB (413), arguments React cannot decode (400: lib/http/action-payload.ts).
 * Next would answer each of these with an internal error instead.
 */
export async function refuseActionRequest(request: Request): Promise<Refusal | null> {
  if (request.method !== "POST") return null;
  if (crossSiteReason(request.method, request.headers, request.url))
    return { status: 403, message: CROSS_SITE_MESSAGE };
  const isFetchAction = request.headers.has("next-action");
  const type = request.headers.get("content-type") ?? "";
  const isMultipart = /^multipart\/form-data/i.test(type);
  if (!isFetchAction && !isMultipart) return null;
  if (Number(request.headers.get("content-length") ?? 0) > ACTION_BODY_LIMIT) return TOO_LARGE;
  const body = await readLimited(request, ACTION_BODY_LIMIT);
  if (!body) return TOO_LARGE;
  let groups: Map<string, Chunks>;
  if (isMultipart) {
    try {
      const form = await new Request("http://localhost/", {
        method: "POST",
        headers: { "content-type": type },
        body: new Uint8Array(body),
      }).formData();
      groups = multipartChunks(form, isFetchAction);
      // React decodes a script's arguments from field "0": without it, nothing to decode (Next answers 500).
      if (isFetchAction && !groups.get("")?.has("0"))
        return { status: 400, message: "This request cannot be processed: its arguments are missing." };
    } catch {
      return { status: 400, message: "This form submission is malformed." };
    }
  } else {
    groups = new Map([["", new Map([["0", body.toString("utf8")]])]]);
  }
  for (const [prefix, chunks] of groups) {
    const problem = replyProblem(chunks, prefix);
    if (problem) return { status: 400, message: `This request cannot be processed: ${problem}.` };
  }
  return null;
}
