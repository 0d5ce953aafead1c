/**
 * Who is on the other end of a request, for rate limits. Reasoning in
 * docs/client-address.md; in short: Next gives route handlers, server actions and
 * proxy.ts no socket, and its own `X-Forwarded-For` is whatever the client sent (Next
 * fills it from the socket only when it is missing). So lib/http/forwarded-headers.ts
 * looks at each request as Node's HTTP server receives it and writes the address
 * worked out here into CLIENT_ADDRESS_HEADER, over anything a client sent under
 * that name.
 */
export const CLIENT_ADDRESS_HEADER = "x-design-review-client";

/** "::ffff:10.0.0.1" → "10.0.0.1"; anything that is not an address is cut to a harmless key. */
function normalise(address: string): string {
  const trimmed = address.trim().replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/i, "");
  return /^[0-9a-f.:[\]%a-z-]{1,64}$/i.test(trimmed) ? trimmed.toLowerCase() : "invalid";
}

/**
 * The client's address: the socket's own peer when no proxy is trusted; behind N
 * trusted proxies, the address the outermost of them saw, i.e. the Nth entry of
 * X-Forwarded-For from the right (each proxy appends the peer it saw). Entries further
 * left were written by the client and are never believed. With fewer entries than
 * proxies the leftmost is the best there is.
 */
export function clientAddressFrom(socketAddress: string | undefined, forwardedFor: string | undefined, hops: number) {
  const chain = [
    ...(hops > 0 && forwardedFor ? forwardedFor.split(",").map((s) => s.trim()) : []),
    socketAddress ?? "",
  ].filter(Boolean);
  const address = chain[Math.max(0, chain.length - 1 - hops)];
  return address ? normalise(address) : "unknown";
}

type HeaderSource = { get(name: string): string | null };

let warned = false;

/** The address lib/http/forwarded-headers.ts put on this request; "unknown" if it did not run (tests, boot). */
export function clientAddress(headers: HeaderSource): string {
  const value = headers.get(CLIENT_ADDRESS_HEADER);
  if (value) return value;
  if (!warned && process.env.NODE_ENV === "production") {
    warned = true;
    console.warn(
      JSON.stringify({
        level: "warn",
        msg: "client address unknown: the forwarded-headers hook did not see a request",
      }),
    );
  }
  return "unknown";
}
