/** Notification types and how each reads, in the inbox and in email. Client-safe. */
export const NOTIFICATION_TYPES = ["review.requested", "review.verdict", "review.stale", "review.approved", "comment.mention", "comment.created", "comment.replied"] as const;
export type NotificationType = (typeof NOTIFICATION_TYPES)[number];

export type NotificationData = {
  docTitle: string;
  docSlug: string;
  actorName?: string;
  kind?: "APPROVE" | "REQUEST_CHANGES" | "COMMENT";
  body?: string | null;
  message?: string | null;
  sections?: string[];
  dueAt?: string | null;
  /** comment.*: the thread, so the link can open it. */
  threadId?: string;
};

const VERDICT_WORDS = { APPROVE: "approved", REQUEST_CHANGES: "requested changes on", COMMENT: "commented on" } as const;

export function describeNotification(type: string, d: NotificationData): string {
  const who = d.actorName ?? "Someone";
  switch (type) {
    case "review.requested":
      return `${who} asked you to review “${d.docTitle}”${d.sections?.length ? ` (${d.sections.join(", ")})` : ""}`;
    case "review.verdict":
      return `${who} ${VERDICT_WORDS[d.kind ?? "COMMENT"]} “${d.docTitle}”`;
    case "review.stale":
      return `Your approval of “${d.docTitle}” is stale: ${who} edited ${d.sections?.join(", ") || "a section you approved"}`;
    case "review.approved":
      return `“${d.docTitle}” is approved`;
    case "comment.mention":
      return `${who} mentioned you in a comment on “${d.docTitle}”`;
    case "comment.created":
      return `${who} commented on your doc “${d.docTitle}”`;
    case "comment.replied":
      return `${who} replied in a thread you are part of on “${d.docTitle}”`;
    default:
      return `Activity on “${d.docTitle}”`;
  }
}
