import { getSchema, type AnyExtension } from "@tiptap/core";
import type { Schema } from "@tiptap/pm/model";
import { CodeBlockLowlight } from "@tiptap/extension-code-block-lowlight";
import { TaskItem, TaskList } from "@tiptap/extension-list";
import { TableKit } from "@tiptap/extension-table";
import StarterKit, { type StarterKitOptions } from "@tiptap/starter-kit";
import { CommentMark } from "./comment-mark";
import { isSafeHref } from "./links";
import { DEFAULT_CODE_LANGUAGE, lowlight } from "./lowlight";

/**
 * The ONE extension list: the browser editor, the validator, the renderer and the
 * Markdown converter all build from it, so a document the editor can produce is
 * exactly a document the server accepts. Comment bodies have their own list in
 * ./comment-extensions.ts (kept apart so the doc editor chunk carries no mention code).
 */

// The allow-list lives in `isAllowedUri`, the hook Tiptap consults for pasted,
// typed, autolinked and commanded links. `protocols` can only ADD schemes to
// linkify's own, so it stays empty (registering http/https again would re-register
// them with linkify on every editor mount and log "already initialized").
// Consequence: a bare "example.com" is not autolinked (it is not an allowed href
// by itself); "https://example.com" is.
export const linkOptions: Exclude<StarterKitOptions["link"], false> = {
  openOnClick: false,
  autolink: true,
  linkOnPaste: true,
  defaultProtocol: "https",
  protocols: [],
  isAllowedUri: (url: string) => isSafeHref(url),
  HTMLAttributes: { target: "_blank", rel: "noopener noreferrer nofollow", class: null },
};

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
  TableKit.configure({ table: { resizable: false } }),
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
