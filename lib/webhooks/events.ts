/**
 * The events a webhook can subscribe to, each named after what happened; client-safe (the settings form lists them).
 * They come from the audit trail (lib/webhooks/emit.ts maps audit types to these).
 */
export const WEBHOOK_EVENTS = [
  "doc.created",
  "section.saved",
  "review.requested",
  "review.verdict",
  "doc.approved",
  "approval.stale",
  "comment.created",
  "share_link.created",
  "share_link.revoked",
] as const;
export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number];

export const WEBHOOK_EVENT_LABELS: Record<WebhookEvent, string> = {
  "doc.created": "Doc created",
  "section.saved": "Section saved (one per doc, after a quiet minute)",
  "review.requested": "Review requested",
  "review.verdict": "Verdict given (approve, request changes, comment)",
  "doc.approved": "Doc approved",
  "approval.stale": "Approval went stale",
  "comment.created": "Comment or reply",
  "share_link.created": "Share link created",
  "share_link.revoked": "Share link revoked",
};

export const WEBHOOK_FORMATS = ["json", "slack"] as const;
export type WebhookFormatName = (typeof WEBHOOK_FORMATS)[number];

/** Headers of every delivery. */
export const SIGNATURE_HEADER = "X-DesignReview-Signature";
export const DELIVERY_HEADER = "X-DesignReview-Delivery";
export const EVENT_HEADER = "X-DesignReview-Event";

/** Retries stop this long after an event was queued; an endpoint failing this long is disabled. */
export const RETRY_WINDOW_MS = 24 * 3_600_000;
export const MAX_WEBHOOKS_PER_WORKSPACE = 20;
