import { getSchema, type AnyExtension } from "@tiptap/core";
import type { Schema } from "@tiptap/pm/model";
import { CodeBlockLowlight } from "@tiptap/extension-code-block-lowlight";
import { TaskItem, TaskList } from "@tiptap/extension-list";
import StarterKit from "@tiptap/starter-kit";
import { CommentMark } from "./comment-mark";
import { linkOptions } from "./link-options";
import { TableKit } from "./table";
import { DEFAULT_CODE_LANGUAGE, lowlight } from "./lowlight";

/**
 * The ONE extension list: the browser editor, the validator, the renderer and the
 * Markdown converter all build from it, so a document the editor can produce is
 * exactly a document the server accepts. Comment bodies have their own list in
 * ./comment-extensions.ts (kept apart so the doc editor chunk carries no mention code);
 * both take their link rules from ./link-options.ts.
 */

export const docExtensions: AnyExtension[] = [
  StarterKit.configure({
    codeBlock: false,
    link: linkOptions,
    // The trailing-node plugin appends an empty paragraph on load whenever a
    // section ends in a table or code block: the stored doc would "change" just by
    // being opened (phantom saves) and the page would jump after hydration.
    // Gapcursor and the code block's exit-on-arrow-down cover leaving such blocks.
    trailingNode: false,
  }),
  CodeBlockLowlight.configure({ lowlight, defaultLanguage: DEFAULT_CODE_LANGUAGE }),
  // Schema only; the browser editor adds table editing when a table is there (./table.ts).
  TableKit,
  TaskList,
  TaskItem.configure({ nested: true }),
  CommentMark,
];

let docSchema: Schema | undefined;

/** Building a schema costs milliseconds; every caller shares one per list. */
export function getDocSchema(): Schema {
  docSchema ??= getSchema(docExtensions);
  return docSchema;
}
