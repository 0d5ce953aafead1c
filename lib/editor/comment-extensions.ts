import { getSchema, type AnyExtension } from "@tiptap/core";
import { Mention } from "@tiptap/extension-mention";
import type { Schema } from "@tiptap/pm/model";
import StarterKit from "@tiptap/starter-kit";
import { linkOptions } from "./link-options";

/**
 * Mentions in comment bodies. The browser adds its suggestion popup with
 * `CommentMention.configure({ suggestion })` and passes the result to
 * `buildCommentExtensions`; the schema is the same either way. Apart from
 * ./extensions.ts so the doc editor's chunk does not carry mention/suggestion.
 */
export const CommentMention = Mention.configure({ HTMLAttributes: { class: "mention" } });

export function buildCommentExtensions(mention: AnyExtension = CommentMention): AnyExtension[] {
  return [
    StarterKit.configure({
      link: linkOptions,
      blockquote: false,
      codeBlock: false,
      heading: false,
      horizontalRule: false,
      strike: false,
      underline: false,
      trailingNode: false,
    }),
    mention,
  ];
}

export const commentExtensions: AnyExtension[] = buildCommentExtensions();

let commentSchema: Schema | undefined;

/** Building a schema costs milliseconds; every caller shares one. */
export function getCommentSchema(): Schema {
  commentSchema ??= getSchema(commentExtensions);
  return commentSchema;
}
