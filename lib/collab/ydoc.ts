import type { JSONContent } from "@tiptap/core";
import { Node } from "@tiptap/pm/model";
import { prosemirrorJSONToYXmlFragment, updateYFragment, yXmlFragmentToProsemirrorJSON } from "@tiptap/y-tiptap";
import * as Y from "yjs";
import { getDocSchema } from "@/lib/editor/extensions";

/**
 * The shape of a live doc: one Y.Doc per design doc, one XML fragment per section,
 * named by the section key (Tiptap's Collaboration `field`). Sections stay separate
 * records: a fragment becomes its section's content, and nothing else.
 */

/** The section's content, from its fragment, in the schema's normalised JSON form. */
export function fragmentContent(doc: Y.Doc, key: string): JSONContent {
  const json = yXmlFragmentToProsemirrorJSON(doc.getXmlFragment(key)) as JSONContent;
  return normalise(json);
}

/** Tiptap JSON as the schema writes it (defaults filled in), so two forms of one text compare equal. */
export function normalise(json: JSONContent): JSONContent {
  const node = Node.fromJSON(getDocSchema(), json.content?.length ? json : emptyDoc());
  return node.toJSON() as JSONContent;
}

export function emptyDoc(): JSONContent {
  return { type: "doc", content: [{ type: "paragraph" }] };
}

/** Whether the doc holds anything yet (a doc with no state is seeded from its sections before anyone connects). */
export function isSeeded(doc: Y.Doc): boolean {
  return doc.share.size > 0 && [...doc.share.values()].some((type) => type._start !== null);
}

/** Fill empty fragments from the stored sections: a live doc never starts empty over stored content. */
export function seedSections(doc: Y.Doc, sections: { key: string; content: unknown }[]): void {
  doc.transact(() => {
    for (const section of sections) {
      const fragment = doc.getXmlFragment(section.key);
      if (fragment.length > 0) continue;
      prosemirrorJSONToYXmlFragment(getDocSchema(), section.content as JSONContent, fragment);
    }
  }, "seed");
}

/**
 * Merge a write made outside the live doc (API PUT, import, restore, comment anchors)
 * into the fragment as a diff: what others type elsewhere in the section survives.
 */
export function applyOutsideContent(doc: Y.Doc, key: string, content: unknown, origin: unknown): void {
  const node = Node.fromJSON(getDocSchema(), content as JSONContent);
  const fragment = doc.getXmlFragment(key);
  doc.transact(() => {
    // y-tiptap keeps a mapping of fragments to nodes for its editor binding; a fresh one is right here.
    updateYFragment(doc, fragment, node, { mapping: new Map(), isOMark: new Map() });
  }, origin);
}

/** The section keys a transaction changed (the root fragments under the changed types). */
export function changedKeys(transaction: Y.Transaction): Set<string> {
  const keys = new Set<string>();
  for (const type of transaction.changed.keys()) {
    let root = type;
    while (root._item?.parent) root = root._item.parent as typeof type;
    keys.add(Y.findRootTypeKey(root));
  }
  return keys;
}
