import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { withTestSmtpServer } from "@/lib/testing/smtp";
import { listNotifications } from "@/lib/notifications/queries";
import { createMember, createUser } from "@/prisma/factories";
import { commentBody } from "@/prisma/factories-comments";
import { createTestDoc } from "@/prisma/factories-docs";
import { editComment, replyToThread } from "./comment-mutations";
import { createThread } from "./create-thread";

const smtp = withTestSmtpServer();
/** The first mail to `address`: subject and body as one text. */
const mailTo = async (address: string) => {
  const { subject, body } = await smtp.mailTo(address);
  return `${subject}\n\n${body}`;
};

describe("@mentions", () => {
  it("reach the mentioned member's inbox and mailbox (with the comment and a link), not the author's", async () => {
    const author = await createUser({ name: "Ada Author" });
    const mia = await createMember(author.workspace.id, "VIEWER", "Mia Mentioned");
    const doc = await createTestDoc(author.actor, author.workspace.id, {
      title: "Ledger rewrite",
      sections: { "design-overview": "Double entry." },
    });
    const { threadId } = await createThread(author.actor, doc.id, {
      sectionKey: "design-overview",
      body: commentBody("Can you check the rounding?", [
        { id: mia.actor.id, name: "Mia" },
        { id: author.actor.id, name: "Ada" },
      ]),
    });

    const [note] = await listNotifications(mia.actor);
    expect(note).toMatchObject({
      type: "comment.mention",
      text: "Ada Author mentioned you in a comment on “Ledger rewrite”",
      docSlug: doc.slug,
      body: "Can you check the rounding? @Mia Mentioned @Ada Author",
    });
    expect(await db.notification.count({ where: { userId: author.actor.id, type: "comment.mention" } })).toBe(0);
    const mail = await mailTo(mia.actor.email);
    expect(mail).toContain("Ada Author mentioned you in a comment on");
    expect(mail).toContain("> Can you check the rounding?");
    expect(mail).toContain(`Open the doc: https://review.example.test/docs/${doc.slug}`);

    // A reply mentioning her again notifies again; an edit only notifies people it newly mentions.
    const { commentId } = await replyToThread(author.actor, doc.id, threadId, {
      body: commentBody("Ping", [{ id: mia.actor.id, name: "Mia" }]),
    });
    const sam = await createMember(author.workspace.id, "MEMBER", "Sam Second");
    await editComment(author.actor, doc.id, commentId, {
      body: commentBody("Ping both", [
        { id: mia.actor.id, name: "Mia" },
        { id: sam.actor.id, name: "Sam" },
      ]),
    });
    expect(await db.notification.count({ where: { userId: mia.actor.id, type: "comment.mention" } })).toBe(2);
    expect(await db.notification.count({ where: { userId: sam.actor.id, type: "comment.mention" } })).toBe(1);
  });

  it("of someone who cannot read the doc are refused (422) and notify nobody", async () => {
    const author = await createUser({ name: "Ada Author" });
    const outsider = await createUser({ name: "Otto Outsider" });
    const doc = await createTestDoc(author.actor, author.workspace.id, { sections: { "design-overview": "x" } });
    const error = await createThread(author.actor, doc.id, {
      sectionKey: "design-overview",
      body: commentBody("Hi", [{ id: outsider.actor.id, name: "Otto" }]),
    }).catch((e) => e);
    expect(error).toMatchObject({
      code: "INVALID_INPUT",
      message: "You can only mention people who can read this doc.",
    });
    expect(await db.notification.count({ where: { userId: outsider.actor.id } })).toBe(0);
    expect(await db.commentThread.count({ where: { documentId: doc.id } })).toBe(0);
  });

  it("a new thread tells the author; a reply tells the thread, not the replier or those it mentions", async () => {
    const author = await createUser({ name: "Ada Author" });
    const rita = await createMember(author.workspace.id, "MEMBER", "Rita Reviewer");
    const sam = await createMember(author.workspace.id, "MEMBER", "Sam Second");
    const doc = await createTestDoc(author.actor, author.workspace.id, {
      title: "Queue design",
      sections: { architecture: "One queue." },
    });

    const { threadId } = await createThread(rita.actor, doc.id, {
      sectionKey: "architecture",
      body: commentBody("Why one queue?"),
    });
    const [toAuthor] = await listNotifications(author.actor);
    expect(toAuthor).toMatchObject({
      type: "comment.created",
      text: "Rita Reviewer commented on your doc “Queue design”",
      body: "Why one queue?",
      docSlug: doc.slug,
    });
    expect(await mailTo(author.actor.email)).toContain("Rita Reviewer commented on your doc");
    expect(await listNotifications(rita.actor)).toEqual([]);

    await replyToThread(author.actor, doc.id, threadId, {
      body: commentBody("Ordering. Sam knows why.", [{ id: sam.actor.id, name: "Sam" }]),
    });
    expect((await listNotifications(rita.actor)).map((n) => n.text)).toEqual([
      "Ada Author replied in a thread you are part of on “Queue design”",
    ]);
    expect((await listNotifications(sam.actor)).map((n) => n.type)).toEqual(["comment.mention"]);
    expect(await db.notification.count({ where: { userId: author.actor.id } })).toBe(1);

    // Sam joins in: Ada and Rita hear of it, Sam does not.
    await replyToThread(sam.actor, doc.id, threadId, { body: commentBody("Per-tenant ordering.") });
    expect(await db.notification.count({ where: { userId: author.actor.id, type: "comment.replied" } })).toBe(1);
    expect(await db.notification.count({ where: { userId: rita.actor.id, type: "comment.replied" } })).toBe(2);
    expect(await db.notification.count({ where: { userId: sam.actor.id, type: "comment.replied" } })).toBe(0);
  });
});
