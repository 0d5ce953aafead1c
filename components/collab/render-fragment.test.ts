import type { JSONContent } from "@tiptap/core";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { applyOutsideContent, fragmentContent, seedSections } from "@/lib/collab/ydoc";
import { renderDocToHTML } from "@/lib/editor/render-html";
import { isEmptyDoc } from "@/lib/editor/text";
import { renderFragment } from "./render-fragment";

const text = (t: string, marks?: JSONContent["marks"]): JSONContent => ({
  type: "text",
  text: t,
  ...(marks && { marks }),
});
const p = (...content: JSONContent[]): JSONContent => ({ type: "paragraph", content });
const doc = (...content: JSONContent[]): JSONContent => ({ type: "doc", content });
const item = (...content: JSONContent[]): JSONContent => ({ type: "listItem", content });
const list = (...items: JSONContent[]): JSONContent => ({ type: "bulletList", content: items });
const code = (source: string, language = "ts"): JSONContent => ({
  type: "codeBlock",
  attrs: { language },
  content: [text(source)],
});
const heading = (level: number, t: string): JSONContent => ({ type: "heading", attrs: { level }, content: [text(t)] });

/** What a reload would show: the whole fragment rendered anew, as the server does. */
function fresh(ydoc: Y.Doc, key: string) {
  const json = fragmentContent(ydoc, key);
  return { html: renderDocToHTML(json), isEmpty: isEmptyDoc(json) };
}

/** What a read view shows of a render (its blocks are the same HTML, cut at block boundaries). */
const shown = ({ html, isEmpty }: { html: string; isEmpty: boolean }) => ({ html, isEmpty });

describe("renderFragment (a live read view's HTML, block by block)", () => {
  it("matches a whole new render after every kind of change, in blocks rendered before and after it", () => {
    const ydoc = new Y.Doc();
    const key = "architecture";
    const steps: JSONContent[] = [
      doc(p(text("Payments go through the ledger.")), list(item(p(text("one"))), item(p(text("two")))), code("a()")),
      // a word typed in the first paragraph
      doc(
        p(text("Payments go through the new ledger.")),
        list(item(p(text("one"))), item(p(text("two")))),
        code("a()"),
      ),
      // bold inside it (a mark: the text node's attributes)
      doc(
        p(text("Payments go through the "), text("new", [{ type: "bold" }]), text(" ledger.")),
        list(item(p(text("one"))), item(p(text("two")))),
        code("a()"),
      ),
      // a nested change: a list item two levels down
      doc(
        p(text("Payments go through the "), text("new", [{ type: "bold" }]), text(" ledger.")),
        list(item(p(text("one"))), item(p(text("two, then three")))),
        code("a()"),
      ),
      // code edited, and its language (an attribute of the top-level block)
      doc(
        p(text("Payments go through the "), text("new", [{ type: "bold" }]), text(" ledger.")),
        list(item(p(text("one"))), item(p(text("two, then three")))),
        code("a(); b()", "js"),
      ),
      // a block inserted at the top, one removed in the middle
      doc(heading(3, "Overview"), p(text("Payments go through the ledger.")), code("a(); b()", "js")),
      // a heading's level
      doc(heading(2, "Overview"), p(text("Payments go through the ledger.")), code("a(); b()", "js")),
      // emptied
      doc(p()),
      doc(p(text("Back again."))),
    ];
    seedSections(ydoc, [{ key, content: steps[0] }]);
    const fragment = ydoc.getXmlFragment(key);
    expect(shown(renderFragment(fragment))).toEqual(fresh(ydoc, key));
    for (const step of steps.slice(1)) {
      applyOutsideContent(ydoc, key, step, "test");
      expect(shown(renderFragment(fragment))).toEqual(fresh(ydoc, key));
      expect(renderFragment(fragment).html).toBe(renderDocToHTML(step));
      expect(renderFragment(fragment).blocks.join("")).toBe(renderFragment(fragment).html);
      expect(renderFragment(fragment).blocks).toHaveLength(step.content!.length);
    }
    expect(renderFragment(fragment).isEmpty).toBe(false);
    applyOutsideContent(ydoc, key, doc(p()), "test");
    expect(renderFragment(fragment).isEmpty).toBe(true);
  });

  it("follows changes that arrive from another copy of the doc (a remote update)", () => {
    const here = new Y.Doc();
    const there = new Y.Doc();
    const key = "data-model";
    seedSections(there, [{ key, content: doc(p(text("Tables: users.")), p(text("Indexes: none."))) }]);
    Y.applyUpdate(here, Y.encodeStateAsUpdate(there));
    const fragment = here.getXmlFragment(key);
    expect(renderFragment(fragment).html).toContain("Indexes: none.");
    const before = Y.encodeStateVector(there);
    applyOutsideContent(there, key, doc(p(text("Tables: users.")), p(text("Indexes: users(email)."))), "remote");
    Y.applyUpdate(here, Y.encodeStateAsUpdate(there, before));
    expect(shown(renderFragment(fragment))).toEqual(fresh(here, key));
    expect(renderFragment(fragment).html).toContain("Indexes: users(email).");
  });
});
