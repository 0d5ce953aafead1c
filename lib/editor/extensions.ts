import { getSchema, type AnyExtension } from "@tiptap/core";
import type { Schema } from "@tiptap/pm/model";
import { CodeBlock } from "@tiptap/extension-code-block";
import { TaskItem, TaskList } from "@tiptap/extension-list";
import Code from "@tiptap/extension-code";
import StarterKit from "@tiptap/starter-kit";
import { docNodes, footnoteNodes, HeadingWithId } from "./doc-nodes";
import { CommentMark } from "./comment-mark";
import { Image } from "./image";
import { linkOptions } from "./link-options";
import { MentionNode } from "./mention";
import { TableKit } from "./table";
import { DEFAULT_CODE_LANGUAGE } from "./code-languages";

/**
 * The ONE extension list: the browser editor, the validator, the renderer and the
 * Markdown converter all build from it, so a document the editor can produce is
 * exactly a document the server accepts. Comment bodies have their own, smaller list in
 * ./comment-extensions.ts; both take their link rules from ./link-options.ts and their
 * @-mention node from ./mention.ts (the browser adds the people suggestion).
 */

export const docExtensions: AnyExtension[] = [
  StarterKit.configure({
    codeBlock: false,
    heading: false,
    code: false,
    link: linkOptions,
    // The trailing-node plugin appends an empty paragraph on load whenever a
    // section ends in a table or code block: the stored doc would "change" just by
    // being opened (phantom saves) and the page would jump after hydration.
    // Gapcursor and the code block's exit-on-arrow-down cover leaving such blocks.
    trailingNode: false,
  }),
  // Schema only: the browser editor adds highlighting, fetched where a block has a language
  // (components/editor/code-highlight.ts); the server renders highlighted HTML itself (./highlight-html.ts).
  CodeBlock.configure({ defaultLanguage: DEFAULT_CODE_LANGUAGE }),
  // Schema only; the browser editor adds table editing when a table is there (./table.ts).
  TableKit,
  TaskList,
  TaskItem.configure({ nested: true }),
  CommentMark,
  HeadingWithId,
  // Inline code may sit inside a link ("[`foo()`](url)") and under a comment; other marks stay off it.
  Code.extend({ excludes: "bold italic strike underline superscript subscript kbd" }),
  ...docNodes,
  ...footnoteNodes,
  Image,
  MentionNode,
];

let docSchema: Schema | undefined;

/** Building a schema costs milliseconds; every caller shares one per list. */
export function getDocSchema(): Schema {
  docSchema ??= getSchema(docExtensions);
  return docSchema;
}
