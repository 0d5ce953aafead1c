import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { requestReview } from "@/lib/reviews/request-review";
import { submitVerdict } from "@/lib/reviews/submit-verdict";
import { saveSection } from "@/lib/docs/save-section";
import { createShareLink } from "@/lib/sharing/share-links";
import { createMember, createUser } from "@/prisma/factories";
import { createTestDoc, paragraph } from "@/prisma/factories-docs";
import { deliverDue } from "./deliver";
import { RETRY_WINDOW_MS } from "./events";
import type { WebhookPayload } from "./payload";
import { startReceiver } from "./receiver";
import { verifySignature } from "./sign";
import { createWebhook, listWebhooks, redeliverWebhook, setWebhookEnabled } from "./webhooks";

type Receiver = Awaited<ReturnType<typeof startReceiver>>;
let receiver: Receiver;
beforeAll(async () => {
  receiver = await startReceiver();
});
afterAll(() => receiver.close());
afterEach(async () => {
  // Each test sees only its own deliveries: what one leaves waiting is closed.
  await db.webhookDelivery.updateMany({ where: { status: "PENDING" }, data: { status: "FAILED" } });
  process.env.WEBHOOK_ALLOW_PRIVATE_NETWORKS = "true";
  receiver.received.length = 0;
  receiver.answerWith(() => ({ status: 200 }));
});
process.env.WEBHOOK_ALLOW_PRIVATE_NETWORKS = "true";

const MINUTE = 60_000;

/** A workspace with an owner, a reviewer, a doc and one endpoint on the loopback receiver. */
async function world(events: string[] = ["doc.approved", "review.verdict"], format: "json" | "slack" = "json") {
  const owner = await createUser({ name: "Olivia Owner" });
  const reviewer = await createMember(owner.workspace.id, "MEMBER", "Raj Reviewer");
  const doc = await createTestDoc(owner.actor, owner.workspace.id, {
    title: "Payments Ledger v2",
    sections: { "design-overview": "Written" },
  });
  const { webhook, secret } = await createWebhook(owner.actor, owner.workspace.id, {
    url: `${receiver.url}/hooks`,
    events,
    format,
  });
  return { owner, reviewer, doc, webhook, secret, workspaceId: owner.workspace.id };
}

async function approve(w: Awaited<ReturnType<typeof world>>) {
  await requestReview(w.owner.actor, w.doc.id, { reviewerIds: [w.reviewer.actor.id] });
  const { revision } = await db.document.findUniqueOrThrow({ where: { id: w.doc.id }, select: { revision: true } });
  await submitVerdict(w.reviewer.actor, w.doc.id, { kind: "APPROVE", revision });
}

const deliveriesOf = (webhookId: string) =>
  db.webhookDelivery.findMany({ where: { webhookId }, orderBy: { createdAt: "asc" } });

describe("webhook deliveries", () => {
  it("a doc approval reaches the receiver signed (HMAC-SHA256 of timestamp + body), with ids, event", async () => {
    const w = await world();
    await approve(w);
    expect(await deliverDue()).toBeGreaterThanOrEqual(2);
    const approved = receiver.received.find((r) => r.headers["x-designreview-event"] === "doc.approved")!;
    expect(approved).toBeDefined();
    expect(verifySignature(w.secret, String(approved.headers["x-designreview-signature"]), approved.body)).toBe(true);
    expect(verifySignature("whsec_wrong", String(approved.headers["x-designreview-signature"]), approved.body)).toBe(
      false,
    );
    const payload = JSON.parse(approved.body) as WebhookPayload;
    expect(payload).toMatchObject({
      type: "doc.approved",
      doc: { id: w.doc.id, title: "Payments Ledger v2", status: "approved" },
      workspace: { id: w.workspaceId },
    });
    const verdict = JSON.parse(
      receiver.received.find((r) => r.headers["x-designreview-event"] === "review.verdict")!.body,
    );
    expect(verdict).toMatchObject({ actor: { name: "Raj Reviewer" }, data: { kind: "APPROVE" } });
    const rows = await deliveriesOf(w.webhook.id);
    expect(rows.map((r) => r.status)).toEqual(["DELIVERED", "DELIVERED"]);
    expect(rows.map((r) => r.id).sort()).toEqual(
      receiver.received.map((r) => String(r.headers["x-designreview-delivery"])).sort(),
    );
    expect(rows[0]).toMatchObject({ responseStatus: 200, attempts: 1 });
    // Events nobody subscribed to (review.requested here) are not sent.
    expect(receiver.received.some((r) => r.headers["x-designreview-event"] === "review.requested")).toBe(false);
  });

  it("in Slack's format: one line of text with a link", async () => {
    const w = await world(["review.verdict"], "slack");
    await approve(w);
    await deliverDue();
    const body = JSON.parse(receiver.received[0]!.body) as { text: string };
    expect(body.text).toMatch(/^Raj Reviewer approved <http:\/\/[^|]+\/docs\/[^|]+\|Payments Ledger v2>$/);
  });

  it("a receiver outage is retried with backoff, under the same delivery id, until it answers", async () => {
    const w = await world(["doc.approved"]);
    receiver.answerWith(() => ({ status: 503 }));
    await approve(w);
    const t0 = new Date();
    await deliverDue({ now: t0 });
    let [row] = await deliveriesOf(w.webhook.id);
    expect(row).toMatchObject({ status: "PENDING", attempts: 1, responseStatus: 503, lastError: "HTTP 503" });
    expect(row!.nextAttemptAt.getTime() - t0.getTime()).toBe(30_000);
    // Not due yet: nothing is sent.
    expect(await deliverDue({ now: new Date(t0.getTime() + 10_000) })).toBe(0);
    await deliverDue({ now: new Date(t0.getTime() + 31_000) });
    [row] = await deliveriesOf(w.webhook.id);
    expect(row).toMatchObject({ attempts: 2 });
    expect(row!.nextAttemptAt.getTime() - (t0.getTime() + 31_000)).toBe(120_000);
    receiver.answerWith(() => ({ status: 204 }));
    await deliverDue({ now: new Date(t0.getTime() + 3 * MINUTE) });
    [row] = await deliveriesOf(w.webhook.id);
    expect(row).toMatchObject({ status: "DELIVERED", attempts: 3, responseStatus: 204 });
    const ids = new Set(receiver.received.map((r) => r.headers["x-designreview-delivery"]));
    expect(ids).toEqual(new Set([row!.id]));
    expect((await db.webhook.findUniqueOrThrow({ where: { id: w.webhook.id } })).failingSince).toBeNull();
  });

  it("a worker that dies mid-delivery loses nothing: the claim lapses and the next worker sends it once", async () => {
    const w = await world(["doc.approved"]);
    await approve(w);
    const now = new Date();
    // A worker claimed it (a lease) and died before sending or recording anything.
    await db.webhookDelivery.updateMany({
      where: { webhookId: w.webhook.id },
      data: { lockedUntil: new Date(now.getTime() + MINUTE) },
    });
    expect(await deliverDue({ now })).toBe(0);
    expect(receiver.received).toHaveLength(0);
    expect(await deliverDue({ now: new Date(now.getTime() + MINUTE + 1) })).toBe(1);
    expect(receiver.received).toHaveLength(1);
    // Two workers at once claim disjoint rows: the event still arrives once.
    await redeliverWebhook(w.owner.actor, w.workspaceId, (await deliveriesOf(w.webhook.id))[0]!.id);
    const later = new Date(now.getTime() + 2 * MINUTE);
    const counts = await Promise.all([deliverDue({ now: later }), deliverDue({ now: later })]);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(1);
    expect(receiver.received).toHaveLength(2);
  });

  it("an endpoint failing for 24 hours gives up, is disabled, and the workspace admins are told", async () => {
    const w = await world(["doc.approved"]);
    receiver.answerWith(() => ({ status: 500 }));
    await approve(w);
    const start = Date.now();
    let now = new Date(start);
    for (let i = 0; i < 40; i++) {
      await deliverDue({ now });
      const [row] = await deliveriesOf(w.webhook.id);
      if (row!.status !== "PENDING") break;
      now = new Date(row!.nextAttemptAt.getTime());
    }
    const [row] = await deliveriesOf(w.webhook.id);
    expect(row!.status).toBe("FAILED");
    expect(row!.attempts).toBeGreaterThan(10);
    expect(row!.lastAttemptAt!.getTime() - start).toBeGreaterThanOrEqual(RETRY_WINDOW_MS);
    expect(row!.lastAttemptAt!.getTime() - start).toBeLessThanOrEqual(RETRY_WINDOW_MS + 2 * MINUTE);
    const hook = await db.webhook.findUniqueOrThrow({ where: { id: w.webhook.id } });
    expect(hook.disabledAt).not.toBeNull();
    expect(hook.disabledReason).toContain("HTTP 500");
    const told = await db.notification.findMany({ where: { userId: w.owner.actor.id, type: "webhook.disabled" } });
    expect(told).toHaveLength(1);
    // A disabled endpoint gets nothing; turned on again it starts afresh.
    await db.webhookDelivery.create({
      data: {
        webhookId: hook.id,
        event: "doc.approved",
        eventId: "x",
        payload: JSON.parse(receiver.received[0]!.body),
      },
    });
    const sent = receiver.received.length;
    await deliverDue({ now: new Date(now.getTime() + MINUTE) });
    expect(receiver.received.length).toBe(sent);
    const enabled = await setWebhookEnabled(w.owner.actor, w.workspaceId, hook.id, true);
    expect(enabled).toMatchObject({ disabledAt: null, failingSince: null });
  });

  it("section saves are debounced per doc: one delivery naming every section saved", async () => {
    const w = await world(["section.saved"]);
    await saveSection(w.owner.actor, w.doc.id, "architecture", { baseVersion: 1, content: paragraph("One") });
    await saveSection(w.owner.actor, w.doc.id, "architecture", { baseVersion: 2, content: paragraph("Two") });
    await saveSection(w.owner.actor, w.doc.id, "data-model", { baseVersion: 1, content: paragraph("Three") });
    const rows = await deliveriesOf(w.webhook.id);
    expect(rows).toHaveLength(1);
    // Waiting for the doc to be quiet: not sent yet.
    await deliverDue();
    expect((await deliveriesOf(w.webhook.id))[0]).toMatchObject({ status: "PENDING", attempts: 0 });
    await deliverDue({ now: new Date(Date.now() + 2 * MINUTE) });
    const payload = JSON.parse(receiver.received.find((r) => r.body.includes(w.doc.id))!.body) as WebhookPayload;
    const keys = (payload.data.sections as { key: string }[]).map((s) => s.key).sort();
    expect(keys).toEqual(["architecture", "data-model"]);
  });

  it("share links, comments and doc creation are announced too; a rolled-back change announces nothing", async () => {
    const w = await world(["share_link.created", "doc.created"]);
    await createShareLink(w.owner.actor, w.doc.id, { role: "view" }, "http://localhost:3000");
    await createTestDoc(w.owner.actor, w.workspaceId, { title: "Second doc" });
    await expect(
      saveSection(w.owner.actor, w.doc.id, "architecture", { baseVersion: 99, content: paragraph("stale") }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
    await deliverDue();
    expect(receiver.received.map((r) => r.headers["x-designreview-event"]).sort()).toEqual([
      "doc.created",
      "share_link.created",
    ]);
    const link = JSON.parse(receiver.received.find((r) => r.body.includes("share_link"))!.body) as WebhookPayload;
    expect(JSON.stringify(link)).not.toMatch(/token/i);
  });
});

describe("webhook endpoints: who may register, and where to", () => {
  it("owners and admins only; a stranger's workspace does not exist", async () => {
    const w = await world();
    const viewer = await createMember(w.workspaceId, "VIEWER", "Vic Viewer");
    const member = await createMember(w.workspaceId, "MEMBER", "Meg Member");
    const stranger = await createUser({ name: "Stan Stranger" });
    const input = { url: `${receiver.url}/x`, events: ["doc.created"] };
    await expect(createWebhook(member.actor, w.workspaceId, input)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(createWebhook(viewer.actor, w.workspaceId, input)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(createWebhook(stranger.actor, w.workspaceId, input)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(listWebhooks(member.actor, w.workspaceId)).rejects.toMatchObject({ code: "FORBIDDEN" });
    const listed = await listWebhooks(w.owner.actor, w.workspaceId);
    expect(JSON.stringify(listed)).not.toContain(w.secret);
  });

  it("refuses private, loopback and link-local addresses and plain http without the operator's allowance", async () => {
    const w = await world();
    process.env.WEBHOOK_ALLOW_PRIVATE_NETWORKS = "false";
    for (const url of [
      "https://127.0.0.1/hook",
      "https://localhost/hook",
      "https://10.1.2.3/hook",
      "https://192.168.0.10/hook",
      "https://169.254.169.254/latest/meta-data",
      "https://[::1]/hook",
      "https://[fe80::1]/hook",
      "https://[::ffff:127.0.0.1]/hook",
      "https://0.0.0.0/hook",
      `${receiver.url}/hook`,
      "ftp://example.com/hook",
      "https://user:pass@example.com/hook",
    ]) {
      await expect(
        createWebhook(w.owner.actor, w.workspaceId, { url, events: ["doc.created"] }),
        url,
      ).rejects.toMatchObject({ code: "INVALID_INPUT" });
    }
  });

  it("at delivery time too: an endpoint that now points at a private address is not called", async () => {
    const w = await world(["doc.approved"]);
    process.env.WEBHOOK_ALLOW_PRIVATE_NETWORKS = "false";
    await db.webhook.update({ where: { id: w.webhook.id }, data: { url: `https://localhost:${receiver.port}/x` } });
    await approve(w);
    await deliverDue();
    const [row] = await deliveriesOf(w.webhook.id);
    expect(row).toMatchObject({ status: "PENDING", attempts: 1, responseStatus: null });
    expect(row!.lastError).toContain("private address");
    expect(receiver.received).toHaveLength(0);
  });

  it("does not follow redirects", async () => {
    const w = await world(["doc.approved"]);
    receiver.answerWith((r) =>
      r.path === "/hooks" ? { status: 307, headers: { location: `${receiver.url}/elsewhere` } } : { status: 200 },
    );
    await approve(w);
    await deliverDue();
    const [row] = await deliveriesOf(w.webhook.id);
    expect(row).toMatchObject({ status: "PENDING", responseStatus: 307 });
    expect(row!.lastError).toContain("not followed");
    expect(receiver.received.map((r) => r.path)).toEqual(["/hooks"]);
  });
});
