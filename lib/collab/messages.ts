/**
 * What a page on a live doc shows when the collaboration server closes its connection for good: shared by the
 * server (lib/collab/server.ts sends the message) and the page (components/collab/session.ts, when only the reason
 * arrives: a refused reconnect).
 */
export const CLOSED_MESSAGES = {
  "no-access": "Your access to this doc has ended.",
  deleted: "This doc was deleted. What is on this page is no longer kept anywhere.",
} as const;

export type ClosedReason = keyof typeof CLOSED_MESSAGES;

/** The message for a refusal's reason (anything unknown, e.g. an expired token, reads as access ended). */
export function closedMessage(reason: unknown): string {
  return reason === "deleted" ? CLOSED_MESSAGES.deleted : CLOSED_MESSAGES["no-access"];
}
