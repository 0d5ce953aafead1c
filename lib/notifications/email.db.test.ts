import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { resetMailTransport } from "@/lib/email/send";
import { requestReview } from "@/lib/reviews/request-review";
import { createMember, createUser } from "@/prisma/factories";
import { createTestDoc } from "@/prisma/factories-docs";

type Received = { from: string | undefined; to: string[]; raw: string };

/** A real SMTP server on a free port: nodemailer talks SMTP to it over TCP, as it would to a relay. */
const received: Received[] = [];
const waiters: (() => void)[] = [];
const server = new SMTPServer({
  authOptional: true,
  disabledCommands: ["STARTTLS"],
  logger: false,
  onData(stream, session, callback) {
    let raw = "";
    stream.setEncoding("utf8");
    stream.on("data", (chunk: string) => (raw += chunk));
    stream.on("end", () => {
      received.push({ from: session.envelope.mailFrom ? session.envelope.mailFrom.address : undefined, to: session.envelope.rcptTo.map((r) => r.address), raw });
      waiters.splice(0).forEach((w) => w());
      callback();
    });
  },
});

/** Enough MIME decoding to read what nodemailer sent: RFC 2047 Q-words in headers, quoted-printable bodies. */
const bytes = (qp: string) => Buffer.from(qp.replace(/=([0-9A-F]{2})/gi, (_m, h: string) => String.fromCharCode(parseInt(h, 16))), "latin1").toString("utf8");
function decodeMail(raw: string): { subject: string; body: string } {
  const [head = "", ...rest] = raw.split(/\r?\n\r?\n/);
  const unfolded = head.replace(/\r?\n[ \t]+/g, " ").replace(/\?=\s+=\?/g, "?==?");
  const subject = (/^Subject: (.*)$/m.exec(unfolded)?.[1] ?? "").replace(/=\?UTF-8\?Q\?([^?]*)\?=/gi, (_m, q: string) => bytes(q.replace(/_/g, " ")));
  const body = /quoted-printable/i.test(head) ? bytes(rest.join("\n\n").replace(/=\r?\n/g, "")) : rest.join("\n\n");
  return { subject, body };
}

async function waitForMail(count: number, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (received.length < count) {
    if (Date.now() > deadline) throw new Error(`expected ${count} emails, got ${received.length}`);
    await new Promise<void>((resolve) => {
      waiters.push(resolve);
      setTimeout(resolve, 200);
    });
  }
}

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  process.env.SMTP_URL = `smtp://127.0.0.1:${(server.server.address() as AddressInfo).port}`;
  process.env.APP_URL = "https://review.example.test";
  resetMailTransport();
});

afterAll(async () => {
  delete process.env.SMTP_URL;
  resetMailTransport();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

describe("review emails", () => {
  it("a review request reaches the reviewer's mailbox through SMTP, with the message and a link", async () => {
    const author = await createUser({ name: "Ada Author" });
    const reviewer = await createMember(author.workspace.id, "MEMBER", "Rita Reviewer");
    const doc = await createTestDoc(author.actor, author.workspace.id, { title: "Ledger rewrite", sections: { "design-overview": "Double entry." } });
    await requestReview(author.actor, doc.id, { reviewerIds: [reviewer.actor.id], message: "Security section first, please" });
    // The operation returned before the mail was delivered; the inbox entry is already there.
    expect(await db.notification.count({ where: { userId: reviewer.actor.id, type: "review.requested" } })).toBe(1);
    await waitForMail(1);
    const mail = received[0]!;
    expect(mail.to).toEqual([reviewer.actor.email]);
    expect(mail.from).toBe("no-reply@design-review.local");
    const { subject, body } = decodeMail(mail.raw);
    expect(subject).toBe('Ada Author asked you to review "Ledger rewrite"');
    expect(body).toContain("Hi Rita Reviewer,\n\nAda Author asked you to review “Ledger rewrite”.");
    expect(body).toContain("> Security section first, please");
    expect(body).toContain(`Open the doc: https://review.example.test/docs/${doc.slug}`);
  });

  it("an unreachable SMTP server neither blocks nor fails the operation", async () => {
    const saved = process.env.SMTP_URL;
    process.env.SMTP_URL = "smtp://127.0.0.1:9"; // discard port: connection refused
    resetMailTransport();
    try {
      const author = await createUser();
      const reviewer = await createMember(author.workspace.id, "MEMBER");
      const doc = await createTestDoc(author.actor, author.workspace.id, { sections: { "design-overview": "x" } });
      await expect(requestReview(author.actor, doc.id, { reviewerIds: [reviewer.actor.id] })).resolves.toEqual({ requested: 1 });
      expect(await db.notification.count({ where: { userId: reviewer.actor.id } })).toBe(1);
    } finally {
      process.env.SMTP_URL = saved;
      resetMailTransport();
    }
  });
});
