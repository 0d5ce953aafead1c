import "server-only";
import type { JSONContent } from "@tiptap/core";
import { mentionsIn, relabelMentions } from "@/lib/comments/body";
import { mentionableUsers } from "@/lib/comments/caller";
import type { Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { Outbox } from "@/lib/notifications/outbox";
import type { LockedDoc } from "@/lib/reviews/status";
import { NeedsPrismaTransaction } from "../sql";
import type { ContentSource } from "../types";

export type SectionMentions = {
  /** The content with every mention of a reader carrying their current name. */
  content: JSONContent;
  /** Readers mentioned here who were not mentioned in the stored content: they are told once. */
  added: { id: string; name: string }[];
};

const idsOf = (doc: unknown) => new Set(mentionsIn((doc ?? {}) as JSONContent).map((m) => m.id));

/**
 * @-mentions in section text (as in comments). Labels are typed by the browser: the server writes each person's
 * current name into them, so a mention cannot claim to be someone it is not. A writer (editor, API) who adds a
 * mention of someone who cannot read the doc gets a 422: they could not open what the notification points at.
 * Stored content the server merged (collaboration) or brings back (restore) is never refused for it; such a
 * person is just not told.
 */
export async function resolveSectionMentions(
  tx: Tx | null,
  doc: Pick<LockedDoc, "id" | "workspaceId">,
  previous: unknown,
  proposed: JSONContent,
  source: ContentSource,
): Promise<SectionMentions> {
  const now = idsOf(proposed);
  if (now.size === 0) return { content: proposed, added: [] };
  // Reading people and notifying them are Prisma code: such a save runs in a Prisma transaction (../sql.ts).
  if (!tx) throw new NeedsPrismaTransaction();
  const before = idsOf(previous);
  const people = await mentionableUsers(tx, { doc }, [...now]);
  const readers = new Map(people.map((p) => [p.id, p.name]));
  const strangers = [...now].filter((id) => !readers.has(id) && !before.has(id));
  if (strangers.length && (source === "editor" || source === "api")) {
    const message = "You can only mention people who can read this doc.";
    throw new AppError("INVALID_INPUT", message, { fieldErrors: { content: [message] } });
  }
  return {
    content: relabelMentions(proposed, readers),
    added: people.filter((p) => !before.has(p.id)),
  };
}

/** "X mentioned you in <section> of <doc>", once per person newly mentioned, never the writer themself. */
export async function notifySectionMentions(
  tx: Tx,
  outbox: Outbox,
  n: {
    doc: Pick<LockedDoc, "id" | "slug" | "title">;
    section: { key: string; title: string };
    actor: { id: string | null; name: string };
    added: readonly { id: string }[];
    text: string;
  },
): Promise<void> {
  for (const person of n.added) {
    if (person.id === n.actor.id) continue;
    await outbox.notify(tx, {
      userId: person.id,
      documentId: n.doc.id,
      type: "section.mention",
      data: {
        docTitle: n.doc.title,
        docSlug: n.doc.slug,
        actorName: n.actor.name,
        sections: [n.section.title],
        body: n.text.slice(0, 500),
        href: `/docs/${n.doc.slug}#${n.section.key}`,
      },
    });
  }
}
