import type { JSONContent } from "@tiptap/core";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { isAppError } from "@/lib/errors";
import { listNotifications } from "@/lib/notifications/queries";
import { createMember, createUser } from "@/prisma/factories";
import { createTestDoc } from "@/prisma/factories-docs";
import { saveSection } from "@/lib/docs/save-section";
import { commitSectionContent } from "./commit";

type Person = { id: string; label: string };

/** A paragraph of text with @-mentions after it, as the editor stores it. */
const withMentions = (text: string, people: Person[]): JSONContent => ({
  type: "doc",
  content: [
    {
      type: "paragraph",
      content: [
        { type: "text", text },
        ...people.flatMap((p) => [
          { type: "text", text: " " },
          { type: "mention", attrs: { id: p.id, label: p.label } },
        ]),
      ],
    },
  ],
});

const mentionNotes = (userId: string) =>
  db.notification.findMany({ where: { userId, type: "section.mention" }, orderBy: { createdAt: "asc" } });

describe("@-mentions in section text", () => {
  it("tell each newly mentioned reader once, with the section and a link to it; never the writer", async () => {
    const author = await createUser({ name: "Ada Author" });
    const mia = await createMember(author.workspace.id, "VIEWER", "Mia Mentioned");
    const sam = await createMember(author.workspace.id, "MEMBER", "Sam Second");
    const doc = await createTestDoc(author.actor, author.workspace.id, { title: "Ledger rewrite" });

    // The label the browser typed is replaced by the person's name: a mention cannot claim to be someone else.
    const first = await saveSection(author.actor, doc.id, "design-overview", {
      baseVersion: 1,
      content: withMentions("Rounding needs a look from", [
        { id: mia.actor.id, label: "The CEO" },
        { id: author.actor.id, label: "Ada" },
      ]),
    });
    const [note] = await listNotifications(mia.actor);
    expect(note).toMatchObject({
      type: "section.mention",
      text: "Ada Author mentioned you in “Design Overview” of “Ledger rewrite”",
      href: `/docs/${doc.slug}#design-overview`,
      body: "Rounding needs a look from @Mia Mentioned @Ada Author",
    });
    expect(await mentionNotes(author.actor.id)).toHaveLength(0);
    const stored = await db.section.findFirstOrThrow({ where: { documentId: doc.id, key: "design-overview" } });
    expect(stored.text).toBe("Rounding needs a look from @Mia Mentioned @Ada Author");
    expect(stored.html).toContain(">@Mia Mentioned</span>");

    // More typing around the same mention tells nobody again; a newly added person is told, once.
    await saveSection(author.actor, doc.id, "design-overview", {
      baseVersion: first.version,
      content: withMentions("Rounding and fees need a look from", [
        { id: mia.actor.id, label: "Mia Mentioned" },
        { id: sam.actor.id, label: "Sam Second" },
      ]),
    });
    expect(await mentionNotes(mia.actor.id)).toHaveLength(1);
    expect(await mentionNotes(sam.actor.id)).toHaveLength(1);

    // Sam, writing live, mentions the author: the collaboration store notifies as any writer does.
    await commitSectionContent({
      docId: doc.id,
      sectionKey: "data-model",
      content: withMentions("Schema owner:", [{ id: author.actor.id, label: "Ada Author" }]),
      basis: { kind: "authoritative" },
      actor: sam.actor,
      source: "collab",
    });
    const [toAuthor] = await listNotifications(author.actor);
    expect(toAuthor).toMatchObject({
      type: "section.mention",
      text: "Sam Second mentioned you in “Data Model” of “Ledger rewrite”",
    });
  });

  it("refuses (422) a writer's mention of someone who cannot read the doc, and saves nothing", async () => {
    const author = await createUser({ name: "Ada Author" });
    const outsider = await createUser({ name: "Olga Outsider" });
    const doc = await createTestDoc(author.actor, author.workspace.id);
    const error = await saveSection(author.actor, doc.id, "design-overview", {
      baseVersion: 1,
      content: withMentions("Ask", [{ id: outsider.actor.id, label: "Olga" }]),
    }).catch((e: unknown) => e);
    expect(isAppError(error) && error.code).toBe("INVALID_INPUT");
    expect(isAppError(error) && error.message).toBe("You can only mention people who can read this doc.");
    const section = await db.section.findFirstOrThrow({ where: { documentId: doc.id, key: "design-overview" } });
    expect(section.version).toBe(1);
    expect(await mentionNotes(outsider.actor.id)).toHaveLength(0);
  });
});
