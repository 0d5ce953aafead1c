import type { WebhookEvent } from "./events";

/** The JSON body of a delivery (format "json"). `id` is the event's; the delivery id is in a header. */
export type WebhookPayload = {
  id: string;
  type: WebhookEvent;
  createdAt: string;
  workspace: { id: string; slug: string; name: string };
  doc: { id: string; title: string; slug: string; url: string; status: string } | null;
  actor: { id: string; name: string } | null;
  data: Record<string, unknown>;
};

const VERDICT_WORDS: Record<string, string> = {
  APPROVE: "approved",
  REQUEST_CHANGES: "requested changes on",
  COMMENT: "commented on",
};

/** Slack's mrkdwn needs &, < and > escaped; everything else is text. */
const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

const names = (v: unknown): string =>
  Array.isArray(v)
    ? v
        .map((x) => (typeof x === "string" ? x : ((x as { name?: string })?.name ?? "")))
        .filter(Boolean)
        .join(", ")
    : "";

/** One line a person reads in a chat channel: "Raj approved Payments Ledger v2", the title linking to the doc. */
export function chatText(p: WebhookPayload): string {
  const who = esc(p.actor?.name ?? "Someone");
  const doc = p.doc ? `<${p.doc.url}|${esc(p.doc.title)}>` : "a doc";
  const d = p.data;
  switch (p.type) {
    case "doc.created":
      return `${who} created ${doc}`;
    case "section.saved":
      return `${who} saved ${esc(names(d.sections)) || "a section"} in ${doc}`;
    case "review.requested":
      return `${who} asked ${esc(names(d.reviewers)) || "reviewers"} to review ${doc}`;
    case "review.verdict":
      return `${who} ${VERDICT_WORDS[String(d.kind)] ?? "reviewed"} ${doc}`;
    case "doc.approved":
      return `${doc} is approved`;
    case "approval.stale":
      return (
        `${esc(names([d.reviewer]) || "A reviewer")}'s approval of ${doc} is stale: ` +
        `${who} changed ${esc(String(d.section ?? "a section"))}`
      );
    case "comment.created":
      return `${who} ${d.reply ? "replied to a comment" : "commented"} on ${doc}`;
    case "share_link.created":
      return `${who} created a share link to ${doc}`;
    case "share_link.revoked":
      return `${who} revoked a share link to ${doc}`;
  }
}

/** The body sent: our event as JSON, or a Slack incoming-webhook message. */
export function bodyFor(format: "JSON" | "SLACK", payload: WebhookPayload): string {
  return JSON.stringify(format === "SLACK" ? { text: chatText(payload) } : payload);
}
