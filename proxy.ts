import { NextResponse, type NextRequest } from "next/server";
import { contentSecurityPolicy } from "@/lib/security-headers";

/**
 * A fresh CSP nonce per request. Next reads the nonce from the request's CSP header
 * and puts it on its own scripts; the response carries the same policy, so inline
 * scripts without it (an injected <script>) do not run. Every page here is rendered
 * per request anyway (they read the session), so the nonce costs no static page but
 * the 404. Not a security boundary for anything else: authorization lives in lib/.
 */
export function proxy(request: NextRequest) {
  const nonce = btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(16))));
  const policy = contentSecurityPolicy(process.env.NODE_ENV === "development", nonce);
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
