import { AppError } from "@/lib/errors";

/**
 * Cross-site request forgery, refused for every request that may change something
 * (any method but GET, HEAD and OPTIONS). Browsers attach our session cookie to
 * requests from any page; they also say where a request comes from, and that is what
 * we check:
 *
 * - `Sec-Fetch-Site` (every current browser): only `same-origin` (our own pages) and
 *   `none` (the user's own navigation) pass. `same-site` is refused too: another port
 *   or subdomain of our site is another origin, and may be run by someone else.
 * - `Origin` (every browser sends it with a POST, PUT, PATCH or DELETE): must be the
 *   host this request was addressed to (`X-Forwarded-Host` as Next sets it — only from a
 *   trusted proxy, see lib/http/client-address.ts — else `Host`), or APP_URL's. `null`
 *   (sandboxed frames, some redirects) is refused.
 *
 * A request with neither header is not from a browser (curl, scripts): it carries only
 * the credentials its sender chose to send, so it is no forgery and passes.
 * Hosts are compared without the scheme, as Next's own server-action check does: an
 * https site behind a proxy that does not say so would otherwise refuse every write.
 */
const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

export const CROSS_SITE_MESSAGE =
  "Requests from other websites are refused. Use Design Review's own pages, or call the API from a script.";

type HeaderSource = { get(name: string): string | null };

const first = (value: string | null) => value?.split(",")[0]?.trim().toLowerCase() || null;

function hostOf(origin: string): string | null {
  try {
    return new URL(origin).host.toLowerCase();
  } catch {
    return null;
  }
}

/** The hosts a same-origin request may name in `Origin`: the one it was sent to, and APP_URL's. */
function ownHosts(headers: HeaderSource, url: string): string[] {
  const hosts = [first(headers.get("x-forwarded-host")), first(headers.get("host")), hostOf(url)];
  if (process.env.APP_URL) hosts.push(hostOf(process.env.APP_URL));
  return hosts.filter((h): h is string => !!h);
}

/** Why this request looks forged (a sentence for logs and tests), or null when it may proceed. */
export function crossSiteReason(method: string, headers: HeaderSource, url: string): string | null {
  if (SAFE_METHODS.has(method.toUpperCase())) return null;
  const site = headers.get("sec-fetch-site")?.trim().toLowerCase();
  if (site && site !== "same-origin" && site !== "none") return `Sec-Fetch-Site is ${site}`;
  const origin = headers.get("origin");
  if (origin === null) return null;
  const originHost = origin.trim() === "null" ? null : hostOf(origin.trim());
  if (!originHost) return `Origin is ${origin.slice(0, 100) || "empty"}`;
  return ownHosts(headers, url).includes(originHost) ? null : `Origin ${originHost} is not this site`;
}

/** Throw FORBIDDEN when a state-changing request comes from another site (see above). */
export function assertSameOrigin(req: Request): void {
  if (crossSiteReason(req.method, req.headers, req.url)) throw new AppError("FORBIDDEN", CROSS_SITE_MESSAGE);
}

/**
 * State-changing JSON endpoints take JSON only. HTML forms and `no-cors` fetches can
 * send text/plain, urlencoded or multipart bodies across sites without asking the
 * server first; they cannot send `application/json`. A request without a body
 * (a DELETE, say) needs no Content-Type.
 */
export function assertJsonBody(req: Request): void {
  if (SAFE_METHODS.has(req.method.toUpperCase())) return;
  const type = req.headers.get("content-type");
  const length = req.headers.get("content-length");
  const hasBody = type !== null || req.headers.has("transfer-encoding") || (length !== null && length.trim() !== "0");
  if (!hasBody) return;
  const mediaType = type?.split(";")[0]?.trim().toLowerCase();
  if (mediaType !== "application/json")
    throw new AppError(
      "UNSUPPORTED_MEDIA_TYPE",
      "Send the request body as JSON with the header Content-Type: application/json" +
        (type ? ` (this one was ${type.slice(0, 80)})` : "") +
        ".",
    );
}
