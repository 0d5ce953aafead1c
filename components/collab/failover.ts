import type { HocuspocusProviderWebsocket } from "@hocuspocus/provider";

/**
 * Failover between collaboration processes (COLLAB_PUBLIC_URLS): each time the connection drops, or an attempt to
 * connect fails, the next attempt goes to the next process in the list. The sync on connecting merges what was typed
 * meanwhile, and Redis joins the processes' copies of the doc. Shared by the page (./session.ts) and the hardening
 * test that kills a process (e2e/hardening/collab-scale.hardening.test.ts), so the test exercises this very code.
 */
export function failOverOnDisconnect(socket: HocuspocusProviderWebsocket, urls: string[]): void {
  if (urls.length < 2) return;
  let next = 0;
  socket.on("disconnect", () => {
    next = (next + 1) % urls.length;
    socket.configuration.url = urls[next]!;
  });
}
