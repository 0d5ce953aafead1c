import type { JSONContent } from "@tiptap/core";
import { yXmlFragmentToProsemirrorJSON } from "@tiptap/y-tiptap";
import type * as Y from "yjs";
import { renderDocToHTML } from "@/lib/editor/render-html";
import { isEmptyDoc } from "@/lib/editor/text";

/**
 * A section's live fragment as read-view HTML, with the same DOM-free renderer the
 * server uses (lib/editor/render-html.ts), so a section changed by someone else reads
 * exactly as it will after a reload. Its own chunk: loaded the first time a read view
 * has to follow a change.
 */
export function renderFragment(fragment: Y.XmlFragment): { html: string; isEmpty: boolean } {
  const json = yXmlFragmentToProsemirrorJSON(fragment) as JSONContent;
  return { html: renderDocToHTML(json), isEmpty: isEmptyDoc(json) };
}
