import type { AnyExtension } from "@tiptap/core";
import { PluginKey, type Transaction } from "@tiptap/pm/state";
import { suggestionList } from "@/components/ui/suggestion-list";
import type { MentionCandidateDTO } from "@/lib/comments/dto";
import { MentionNode } from "@/lib/editor/mention";

type Person = { id: string; label: string };

/** The people list's plugin: its state says whether the list is open (an open list takes Escape for itself). */
export const SECTION_MENTION_KEY = new PluginKey<{ active: boolean }>("sectionMention");

export type FindPeople = (query: string) => Promise<MentionCandidateDTO[]>;

/**
 * "@" in section text suggests the people who can read the doc (as in comments); picking one stores a mention
 * node, which the read view and the export show as "@Name" and which notifies the person once (the content
 * pipeline, lib/docs/content/effects/mentions.ts). Never opened by someone else's change in a live doc.
 */
export function sectionMentions(
  findPeople: FindPeople,
  isRemote: (transaction: Transaction) => boolean = () => false,
): AnyExtension {
  return MentionNode.configure({
    suggestion: {
      char: "@",
      pluginKey: SECTION_MENTION_KEY,
      allow: ({ state, range }) => !state.doc.resolve(range.from).parent.type.spec.code,
      shouldShow: ({ transaction }) => !isRemote(transaction),
      items: async ({ query }: { query: string }): Promise<Person[]> =>
        (await findPeople(query).catch(() => [])).map((p) => ({ id: p.id, label: p.name })),
      render: suggestionList<Person>({
        label: "People to mention",
        render: (person) => person.label,
        empty: "Nobody by that name",
        key: (person) => person.id,
      }),
      command: ({ editor, range, props }) =>
        editor
          .chain()
          .focus()
          .insertContentAt(range, [
            { type: "mention", attrs: { id: props.id, label: props.label } },
            { type: "text", text: " " },
          ])
          .run(),
    },
  });
}
