import { NextResponse, type NextRequest } from "next/server";
import { cacheableDocRequest, pageCacheEnabled, serveDocPage } from "@/lib/docs/page-cache";
import { refuseActionRequest } from "@/lib/http/action-request";
import { contentSecurityPolicy, pageHostname } from "@/lib/security-headers";

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
  const refused = refuseMalformed(request) ?? (await refuseHostileAction(request));
  if (refused) return refused;
  const nonce = btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(16))));
  const hostname = pageHostname(request.headers.get("host"), request.nextUrl.hostname);
  const policy = contentSecurityPolicy(process.env.NODE_ENV === "development", nonce, hostname);
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

const plain = (status: number, message: string) =>
  new NextResponse(message, { status, headers: { "Content-Type": "text/plain; charset=utf-8" } });

/**
 * A path that is not valid UTF-8 once percent-decoded: Next's router fails to decode
 * its route params and answers a bare 500. It is the client's fault: 400.
 */
function refuseMalformed(request: NextRequest): NextResponse | null {
  try {
    decodeURIComponent(request.nextUrl.pathname);
  } catch {
    return plain(400, "This address is not valid: it contains characters that are not UTF-8.");
  }
  return null;
}

/**
 * POSTs to pages are server actions. Next answers a cross-site one, one over the body
 * limit and one whose arguments its decoder chokes on with an internal error; they
 * are the client's fault: 403, 413, 400 (lib/http/action-request.ts). API routes check
 * for themselves (lib/http/route.ts).
 */
async function refuseHostileAction(request: NextRequest): Promise<NextResponse | null> {
  if (request.method !== "POST" || request.nextUrl.pathname.startsWith("/api/")) return null;
  const refusal = await refuseActionRequest(request);
  return refusal ? plain(refusal.status, refusal.message) : null;
}
