import { getSchema, type AnyExtension } from "@tiptap/core";
import type { Schema } from "@tiptap/pm/model";
import StarterKit from "@tiptap/starter-kit";
import { linkOptions } from "./link-options";
import { MentionNode } from "./mention";

/** Mentions in comment bodies (./mention.ts): the browser passes one with its suggestion popup. */
export const CommentMention = MentionNode;

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
