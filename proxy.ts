import { NextResponse, type NextRequest } from "next/server";
import { cacheableDocRequest, pageCacheEnabled, serveDocPage } from "@/lib/docs/page-cache";
import { contentSecurityPolicy } from "@/lib/security-headers";

/**
 * A fresh CSP nonce per request. Next reads the nonce from the request's CSP header
 * and puts it on its own scripts; the response carries the same policy, so inline
 * scripts without it (an injected <script>) do not run. Every page here is rendered
 * per request anyway (they read the session), so the nonce costs no static page but
 * the 404. Not a security boundary for anything else: authorization lives in lib/.
 * Doc pages may come from lib/docs/page-cache.ts, which checks access the same way
 * and puts this request's nonce into the HTML it keeps.
 */
export async function proxy(request: NextRequest) {
  const refused = refuseMalformed(request);
  if (refused) return refused;
  const nonce = btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(16))));
  const policy = contentSecurityPolicy(process.env.NODE_ENV === "development", nonce);
  const slug = pageCacheEnabled() ? cacheableDocRequest(request) : null;
  if (slug) {
    // Any failure here (the database down, say) just means: render the page as usual.
    const cached = await serveDocPage(request, slug, nonce, policy).catch(() => null);
    if (cached) return cached;
  }
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("Content-Security-Policy", policy);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", policy);
  return response;
}

export const config = {
  // Static files carry no documents; everything else (pages, API, 404s, actions) gets the nonce policy.
  matcher: ["/((?!_next/static|_next/image|favicon.ico).*)"],
};

/**
 * Requests Next itself would answer with a bare 500: a path that is not valid UTF-8
 * once percent-decoded (its router fails to decode the route params), and a server
 * action posted from another origin (Next refuses it, but as an error). Both are the
 * client's fault: 400 and 403, with a plain message.
 */
function refuseMalformed(request: NextRequest): NextResponse | null {
  try {
    decodeURIComponent(request.nextUrl.pathname);
  } catch {
    return new NextResponse("This address is not valid: it contains characters that are not UTF-8.", { status: 400, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  }
  const origin = request.headers.get("origin");
  if (request.method === "POST" && request.headers.has("next-action") && origin) {
    const host = (request.headers.get("x-forwarded-host") ?? request.headers.get("host"))?.split(",")[0]?.trim();
    let originHost: string | null = null;
    try {
      originHost = new URL(origin).host;
    } catch {
      /* "null" or garbage: not our origin */
    }
    if (originHost !== host) return new NextResponse("Cross-origin requests to server actions are refused.", { status: 403, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  }
  return null;
}
