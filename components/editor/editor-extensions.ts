import { Extension, textblockTypeInputRule, type AnyExtension } from "@tiptap/core";
import { Placeholder } from "@tiptap/extensions";
import type { LiveBinding } from "./live-binding";
import { docExtensions } from "@/lib/editor/extensions";
import { CodeHighlight } from "./code-highlight";
import { HtmlPaste } from "./html-paste";
import { ImageUploads } from "./image-uploads";
import { LinkExit } from "./link-exit";
import { MarkdownPaste } from "./markdown-paste";
import { MermaidPreview } from "./mermaid-preview";
import { sectionMentions, type FindPeople } from "./section-mentions";
import { SlashMenu } from "./slash-menu";
import { TableEditing } from "./table-editing";

/**
 * Browser-only behaviour on top of THE extension list. Nothing here changes the
 * schema, so what the editor produces is still exactly what the server accepts.
 */

/**
 * The section title is the page's h2, so headings written inside a section are
 * h3 and h4. Markdown "#", "##" and "###" give h3, "####" and deeper h4; the h1/h2
 * shortcuts give h3 too. Runs before StarterKit's own heading rules (priority).
 * Stored h1/h2 (old imports) stay as they are; the stylesheet ranks them below the title.
 */
export const SECTION_HEADING_LEVELS = [3, 4] as const;

const SectionHeadings = Extension.create({
  name: "sectionHeadings",
  priority: 1000,
  addInputRules() {
    const heading = this.editor.schema.nodes.heading;
    if (!heading) return [];
    return [
      textblockTypeInputRule({ find: /^(#{4,6})\s$/, type: heading, getAttributes: { level: 4 } }),
      textblockTypeInputRule({ find: /^(#{1,3})\s$/, type: heading, getAttributes: { level: 3 } }),
    ];
  },
  addKeyboardShortcuts() {
    const toggle = (level: 3 | 4) => () => this.editor.commands.toggleHeading({ level });
    return { "Mod-Alt-1": toggle(3), "Mod-Alt-2": toggle(3), "Mod-Alt-5": toggle(4), "Mod-Alt-6": toggle(4) };
  },
});

export function buildEditorExtensions({
  guidance,
  html,
  docId,
  live,
  findPeople,
}: {
  guidance: string;
  /** The section's HTML as the server rendered it: its code keeps those colours until edited (code-highlight.ts). */
  html: string;
  docId: string;
  /** People who can read the doc, for @-mentions; without it "@" is just a character. */
  findPeople?: FindPeople;
  /** Live co-editing: the section's fragment of the doc's Y.Doc, per-person Yjs undo and others' carets. */
  live?: LiveBinding;
}): AnyExtension[] {
  // Table editing sits where Tiptap's Table sat in the list (the order of keys and plugins follows it).
  const withTables = docExtensions.flatMap((extension) => {
    if (extension.name === "tableKit") return [extension, TableEditing];
    // Under Yjs the undo history is Yjs's own (only this person's changes): ProseMirror's is turned off.
    if (live && extension.name === "starterKit") return [extension.configure({ undoRedo: false })];
    if (findPeople && extension.name === "mention") return [sectionMentions(findPeople, live?.isRemote)];
    return [extension];
  });
  return [
    ...withTables,
    ...(live?.extensions ?? []),
    Placeholder.configure({ placeholder: guidance || "Write this section…" }),
    SectionHeadings,
    CodeHighlight.configure({ html }),
    ImageUploads.configure({ docId }),
    MermaidPreview,
    // Editing comfort (issue 16): each in a file of its own.
    LinkExit,
    MarkdownPaste,
    HtmlPaste,
    SlashMenu.configure({ docId, isRemote: live?.isRemote ?? (() => false) }),
  ];
}
