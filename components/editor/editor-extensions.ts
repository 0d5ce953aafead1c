import { Extension, textblockTypeInputRule, type AnyExtension } from "@tiptap/core";
import { Placeholder } from "@tiptap/extensions";
import { docExtensions } from "@/lib/editor/extensions";

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

export function buildEditorExtensions({ guidance }: { guidance: string }): AnyExtension[] {
  return [...docExtensions, Placeholder.configure({ placeholder: guidance || "Write this section…" }), SectionHeadings];
}
