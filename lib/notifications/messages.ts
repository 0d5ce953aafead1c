/** Notification types and how each reads, in the inbox and in email. Client-safe. */
export const NOTIFICATION_TYPES = [
  "review.requested",
  "review.verdict",
  "review.stale",
  "review.approved",
  "comment.mention",
  "section.mention",
  "comment.created",
  "comment.replied",
  "comment.resolved",
  "review.rerequested",
  "review.due_soon",
  "review.overdue",
  "webhook.disabled",
] as const;
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
  /** comment.resolved: the words the thread is on. */
  quote?: string | null;
  /** review.approved folded into the approver's verdict (lib/notifications/outbox.ts): this approval completed it. */
  completes?: boolean;
  /** Where the entry links when it is not about a doc (webhook.disabled: the workspace's webhook settings). */
  href?: string;
  /** webhook.disabled: the endpoint's host. */
  endpoint?: string;
};

const VERDICT_WORDS = {
  APPROVE: "approved",
  REQUEST_CHANGES: "requested changes on",
  COMMENT: "commented on",
} as const;

export function describeNotification(type: string, d: NotificationData): string {
  const who = d.actorName ?? "Someone";
  switch (type) {
    case "review.requested":
      return `${who} asked you to review “${d.docTitle}”${d.sections?.length ? ` (${d.sections.join(", ")})` : ""}`;
    case "review.verdict":
      return `${who} ${VERDICT_WORDS[d.kind ?? "COMMENT"]} “${d.docTitle}”`;
    case "review.stale":
      return (
        `Your approval of “${d.docTitle}” is stale: ` +
        `${who} edited ${d.sections?.join(", ") || "a section you approved"}`
      );
    case "review.approved":
      return d.completes && d.actorName
        ? `${who} approved “${d.docTitle}”: sign-off is complete`
        : `“${d.docTitle}” is approved`;
    case "review.rerequested":
      return (
        `${who} asked you to review “${d.docTitle}” again` +
        (d.sections?.length ? `: changed ${d.sections.join(", ")}` : "")
      );
    case "review.due_soon":
      return `Your review of “${d.docTitle}” is due tomorrow`;
    case "review.overdue":
      return `Your review of “${d.docTitle}” is overdue`;
    case "comment.resolved":
      return `${who} resolved your thread${d.quote ? ` on “${d.quote}”` : ""} in “${d.docTitle}”`;
    case "comment.mention":
      return `${who} mentioned you in a comment on “${d.docTitle}”`;
    case "section.mention":
      return `${who} mentioned you in ${d.sections?.[0] ? `“${d.sections[0]}” of ` : ""}“${d.docTitle}”`;
    case "comment.created":
      return `${who} commented on your doc “${d.docTitle}”`;
    case "comment.replied":
      return `${who} replied in a thread you are part of on “${d.docTitle}”`;
    case "webhook.disabled":
      return `The webhook to ${d.endpoint ?? "an endpoint"} was turned off after failing for 24 hours`;
    default:
      return `Activity on “${d.docTitle}”`;
  }
}
