/**
 * Next's request-scoped helpers for tests that call route handlers and server actions
 * directly (the access matrix, the fuzzer): there is no request, so headers and
 * cookies are plain values, revalidation is a no-op and sign-in/out write no cookie
 * (the session comes from runAsActorForTest). Used from `vi.mock` factories:
 *
 *   vi.mock("next/headers", async () => (await import("@/lib/testing/next-request-mocks")).nextHeaders("203.0.113.7"));
 */
export function nextHeaders(clientAddress: string) {
  const jar = new Map<string, string>();
  return {
    // The client address as lib/http/forwarded-headers.ts records it on a real request.
    headers: async () => new Headers({ host: "localhost:3000", "x-design-review-client": clientAddress }),
    cookies: async () => ({
      get: (name: string) => (jar.has(name) ? { name, value: jar.get(name) } : undefined),
      getAll: () => [...jar].map(([name, value]) => ({ name, value })),
      has: (name: string) => jar.has(name),
      set: (name: string, value: string) => void jar.set(name, value),
      delete: (name: string) => void jar.delete(name),
    }),
  };
}

export const noRevalidation = { revalidatePath: () => undefined, revalidateTag: () => undefined };
export const noSessionCookies = { signIn: async () => undefined, signOut: async () => undefined };
