import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { resetMailTransport } from "@/lib/email/send";
import { requestReview } from "@/lib/reviews/request-review";
import { createMember, createUser } from "@/prisma/factories";
import { createTestDoc } from "@/prisma/factories-docs";
import { decodeMail, withTestSmtpServer } from "@/lib/testing/smtp";

const { received, waitForMail } = withTestSmtpServer();

describe("review emails", () => {
  it("a review request reaches the reviewer's mailbox through SMTP, with the message and a link", async () => {
    const author = await createUser({ name: "Ada Author" });
    const reviewer = await createMember(author.workspace.id, "MEMBER", "Rita Reviewer");
    const doc = await createTestDoc(author.actor, author.workspace.id, {
      title: "Ledger rewrite",
      sections: { "design-overview": "Double entry." },
    });
    await requestReview(author.actor, doc.id, {
      reviewerIds: [reviewer.actor.id],
      message: "Security section first, please",
    });
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
      await expect(requestReview(author.actor, doc.id, { reviewerIds: [reviewer.actor.id] })).resolves.toEqual({
        requested: 1,
      });
      expect(await db.notification.count({ where: { userId: reviewer.actor.id } })).toBe(1);
    } finally {
      process.env.SMTP_URL = saved;
      resetMailTransport();
    }
  });
});
